"""How one over-long line is split, as ruff format and black split it.

At its last bracket pair (a ``def`` at its parameters), the contents on one line
if they fit, else one element per line with a trailing comma; a value whose top
is an operator (``a if c else b``, ``a or b``) or a comprehension one part per
line. Every candidate is checked to parse to the same tree as the line it
replaces. :mod:`.layout` decides which lines of a rewrite to split.
"""

from __future__ import annotations

import ast
import itertools
import keyword
import re
import tokenize
import unicodedata
from typing import TYPE_CHECKING

from .line_cuts import (
    OPENING,
    binary_needs_parentheses,
    binary_operands,
    compared_operand,
    comparison_operands,
    comprehension_clauses,
    cut_before,
    fluent_parts,
    outside_brackets,
    string_parts,
    tokens_of,
)

INDENT = "    "
#: ``name=`` at the start of a keyword argument (not ``==``).
_KEYWORD = re.compile(r"[A-Za-z_]\w*=(?!=)")

if TYPE_CHECKING:
    from collections.abc import Callable

    _Check = Callable[[list[str]], bool]


_PRAGMAS = frozenset({"isort", "type", "pyright", "pyrefly", "pylint", "flake8", "ruff", "ty"})


def width(line: str) -> int:
    """The line's width as ruff format measures it: East Asian wide characters count two
    columns, and a trailing pragma comment (``# noqa``, ``# type: ignore``...) none."""
    if "#" in line:
        tokens = tokens_of(line.strip())
        if tokens and tokens[-1].type == tokenize.COMMENT:
            text = tokens[-1].string[1:].lstrip()
            word = text.split(":", 1)[0] if ":" in text else None
            if text[:4].lower() == "noqa" or text.startswith("nosec") or word in _PRAGMAS:
                line = line[: len(line) - len(line.lstrip()) + tokens[-1].start[1]].rstrip()
    if line.isascii():
        return len(line)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _one_per_line(elements: list[str], indent: str, limit: int, depth: int) -> list[str]:
    """Each element on a line of its own with its comma (split again where still too long)."""
    lines: list[str] = []
    for element in elements:
        line = indent + element + ","
        lines += (split_line(line, limit, depth + 1) or [line]) if width(line) > limit else [line]
    return lines


def _operands(code: str, indent: str, limit: int, depth: int) -> list[str] | None:
    """The lines of a bracket's whole content split at the operator on its top: a
    comprehension's clauses, a conditional's ``if``/``else``, ``and``/``or`` operands (each
    split again at its brackets if it is still too long). Parentheses the code has stay."""
    clauses = comprehension_clauses(code) or fluent_parts(code) or string_parts(code)
    if clauses is None:
        try:
            value = ast.parse(code, mode="eval").body
        except SyntaxError:
            return None
        if isinstance(value, ast.IfExp):
            # ``a if x else b if y else c``: every ``if`` and ``else`` of the chain starts a line.
            tokens = tokens_of(code) or []
            clauses = cut_before(code, [t.string for _i, t in outside_brackets(tokens)
                                  if t.type == tokenize.NAME and t.string in ("if", "else")])
        elif isinstance(value, ast.BoolOp):
            word = "and" if isinstance(value.op, ast.And) else "or"
            clauses = cut_before(code, [word] * (len(value.values) - 1))
        elif isinstance(value, ast.Compare):
            clauses = comparison_operands(code)
        elif isinstance(value, ast.BinOp):
            clauses = binary_operands(code, value)
        if not clauses:
            return None
    lines: list[str] = []
    for clause in clauses:
        line = indent + clause
        if width(line) <= limit:
            lines.append(line)
            continue
        compared = compared_operand(clause)
        lines += [indent + part for part in compared] if compared else (
            split_line(line, limit, depth + 1, same=lambda _parts: True) or [line])
    return lines


def split_line(line: str, limit: int, depth: int = 0, same: _Check | None = None,
           bracketed: bool = False) -> list[str] | None:
    """``line`` split at a bracket pair: the last one whose opening line fits (a short trailer
    such as ``.json()`` or ``[:n]`` stays after the closing bracket), the contents on one line
    if they fit, else one element per line (each split again if it is still too long); a
    comprehension one clause per line. ``same`` says whether a candidate is still the same
    code (by default: it parses to the same tree as ``line``). A ``bracketed`` line is the
    whole content of brackets that span lines: an operator on its top (``a if c else b``,
    ``a or b``, a comprehension's clauses) splits it first, with no parentheses to add."""
    if same is None:
        def same(parts: list[str]) -> bool:
            return same_tree(line, parts)

    indent = line[: len(line) - len(line.lstrip())]
    tokens = tokens_of(line.strip())
    if tokens is None or depth > 3:
        return None
    code_end, comment = len(line.strip()), ""
    if tokens and tokens[-1].type == tokenize.COMMENT:
        comment = "  " + tokens[-1].string
        code_end = tokens[-1].start[1]
        tokens = tokens[:-1]
    if any(t.type == tokenize.OP and t.string == ";" for t in tokens):
        return None  # several statements on one line: a formatter would part them first
    code = line.strip()[:code_end].rstrip()
    operands = _right_hand_side(code, indent, comment, limit)
    if operands is not None and same(operands):
        return operands
    if bracketed:
        parts = _operands(code, indent, limit, depth) if not comment else None
        if parts is not None and same(parts):
            return parts
        # Arguments hugged on the line between their brackets (``f(`` / ``a, b, c`` / ``)``) that
        # no longer fit: one per line, each with its comma, as a formatter explodes them.
        elements = top_level_elements(code) if not comment else None
        if elements is not None and len(elements) > 1:
            parts = _one_per_line(elements, indent, limit, depth)
            if same(parts):
                return parts
    if code.endswith(","):
        # One element of an exploded bracket (``"a" if x else "b",``, or a keyword argument
        # ``path=root / "models" / name,``): split at its operator where it stands, the keyword
        # on the first part's line, the comma after the last part.
        element = code[:-1].rstrip()
        keyword = _KEYWORD.match(element)
        head = keyword.group(0) if keyword else ""
        parts = _operands(element[len(head):], indent, limit, depth)
        if parts is not None:
            parts = [indent + head + parts[0][len(indent):], *parts[1:]]
            parts[-1] += "," + comment
            if same(parts):
                return parts
    pairs = _pairs(tokens) or []
    inside = indent + INDENT
    # A ``def`` splits at its parameters, the first pair (black's left-hand split); anything
    # else at its last pair whose opening line fits (the right-hand split).
    is_def = code.startswith(("def ", "async def "))
    order = pairs if is_def else list(reversed(pairs))
    for opening, closing in order:
        head, inner, tail = code[: opening + 1], code[opening + 1: closing].strip(), code[closing:]
        if not inner or (width(indent + head) > limit and (opening, closing) != order[-1]):
            continue
        # A comprehension is one element, whatever commas its ``for`` targets have.
        elements = [inner] if comprehension_clauses(inner) else top_level_elements(inner)
        if elements is None:
            return None
        alone = len(elements) == 1 and not inner.endswith(",")
        operands = _operands(inner, inside, limit, depth) if alone else None
        # A display (``[a, b]``, ``{"k": v, ...}``, a tuple) that must split is split at every
        # comma; only a call's arguments or a subscript stay together on their own line.
        together = alone or not _is_display(code[:opening])
        if together and not inner.endswith(",") and width(inside + inner) <= limit:
            # A ``def``'s one parameter alone on its line is one per line: it gets its comma.
            parameter = alone and is_def and (opening, closing) == pairs[0]
            body = [inside + inner + ("," if parameter else "")]
        elif operands:
            body = operands
        elif alone:
            body = split_line(inside + inner, limit, depth + 1) or [inside + inner]
        else:
            body = _one_per_line(elements, inside, limit, depth)
        candidate = [indent + head, *body, indent + tail + comment]
        if same(candidate):
            return candidate
    return None


def _is_display(before: str) -> bool:
    """Whether a bracket opened after ``before`` builds a list, dict, set or tuple, rather
    than calling or subscripting what precedes it (a name, a closing bracket, a string)."""
    before = before.rstrip()
    if not before or not (before[-1].isalnum() or before[-1] in "_)]}'\""):
        return True
    word = before[len(before.rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")):]
    return keyword.iskeyword(word) and word not in {"None", "True", "False"}


def _right_hand_side(code: str, indent: str, comment: str, limit: int) -> list[str] | None:
    """``x = a if c else f(y)`` (or ``return ...``): a value whose top is an operator, not a call,
    or a chain of calls (:func:`fluent_parts`), goes in parentheses of its own, on one line if
    it fits, else one operand (or link) per line, as ruff format and black lay it out."""
    shift = 2 if code.startswith("elif ") else 0  # parsed as ``if``
    try:
        tree = ast.parse(code[shift:] + ("\n    pass" if code.endswith(":") else ""))
    except SyntaxError:
        return None
    statement = tree.body[0] if len(tree.body) == 1 else None
    header = isinstance(statement, (ast.If, ast.While))
    value = statement.test if isinstance(statement, (ast.If, ast.While)) else getattr(statement, "value", None)
    if not isinstance(statement, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Return, ast.If, ast.While)) \
            or value is None or value.end_col_offset is None:
        return None
    start, end = value.col_offset + shift, value.end_col_offset + shift
    text = code[start:end]
    if header:
        # ``if a and b.c != "x":``: a condition with an operator on top goes in parentheses of its
        # own, as the formatters put it, unless it has one such operator and starts or ends with a
        # bracket, which they split instead (``if (await f()).x != "y":``, ``while a and f(x):``).
        if not isinstance(value, (ast.BoolOp, ast.Compare)):
            return None
        operators = len(value.values) - 1 if isinstance(value, ast.BoolOp) else len(value.ops)
        if operators == 1 and (text.endswith((")", "]", "}")) or text.startswith(("(", "[", "{"))):
            return None
    elif not isinstance(value, (ast.IfExp, ast.BoolOp)) and fluent_parts(text) is None \
            and not binary_needs_parentheses(value, text):
        return None
    if code[end:].strip() != (":" if header else "") or code[:start].rstrip().endswith("("):
        return None  # something after the value, or it is parenthesized already
    inside, close = indent + INDENT, "):" if header else ")"
    head = code[:start].rstrip() + " ("
    if width(inside + text) <= limit:
        return [indent + head, inside + text, indent + close + comment]
    lines = _operands(text, inside, limit, 0)
    return [indent + head, *lines, indent + close + comment] if lines is not None else None


def _pairs(tokens: list[tokenize.TokenInfo]) -> list[tuple[int, int]] | None:
    """Columns of the outermost bracket pairs of the line, in order."""
    stack: list[tokenize.TokenInfo] = []
    pairs: list[tuple[int, int]] = []
    for token in tokens:
        if token.type != tokenize.OP:
            continue
        if token.string in OPENING:
            stack.append(token)
        elif token.string in OPENING.values():
            if not stack or OPENING[stack[-1].string] != token.string:
                return None
            opened = stack.pop()
            if not stack:
                pairs.append((opened.start[1], token.start[1]))
    return pairs if not stack else None


def top_level_elements(inner: str) -> list[str] | None:
    """The comma-separated elements of a bracket's contents (a trailing comma dropped)."""
    tokens = tokens_of(inner)
    if tokens is None:
        return None
    commas = [t for _index, t in outside_brackets(tokens) if t.type == tokenize.OP and t.string == ","]
    elements = [inner[a:b].strip() for a, b in itertools.pairwise([0, *(t.end[1] for t in commas), len(inner)])]
    elements = [element.removesuffix(",").strip() for element in elements]
    if elements and not elements[-1]:
        elements.pop()  # a trailing comma
    return elements if all(elements) else None


#: How a line that is not a statement is read: as it is, as a dict's entry (``"key": value``)
#: or as a call's argument (``name=value``), the elements an exploded bracket holds.
_ENCLOSURES = ("%s", "{\n%s\n}", "f(\n%s\n)")


def same_tree(line: str, parts: list[str]) -> bool:
    """Whether the split statement is the same statement (a block opener, its comment after
    the colon or not, gets a body to parse)."""
    def tree(text: str, enclosure: str) -> str | None:
        source = text.strip() if "\n" not in text else dedent(text)
        if source.startswith("elif "):
            source = source[2:]  # ``elif x:`` checks as ``if x:``
        for attempt in (source, source + "\n    pass"):
            try:
                parsed = compile(enclosure % attempt, "<split>", "exec",
                                 ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
            except SyntaxError:
                continue
            return ast.dump(parsed)
        return None

    for enclosure in _ENCLOSURES:
        before = tree(line, enclosure)
        if before is not None:
            return before == tree("\n".join(parts), enclosure)
    return False


def dedent(text: str) -> str:
    lines = text.split("\n")
    width = len(lines[0]) - len(lines[0].lstrip())
    return "\n".join(part[width:] if part[:width].isspace() or not part[:width] else part for part in lines)
