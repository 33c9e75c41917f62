"""Rewritten lines laid out as ruff format and black lay them out.

``x = requests.post(url, json=payload)`` fits in 88 columns; its rewrite
``x = await run_in_threadpool(requests.post, url, json=payload)`` may not, and
a reviewer would then run a formatter over a file the tool touched. So a line
the rewrite produced (not one it kept) that is longer than the project's line
length is split the way those formatters split a statement: at its last
bracket pair, the contents on one indented line if they fit there
(``run_in_threadpool(`` / ``requests.post, url, json=payload`` / ``)``), else one
element per line with a trailing comma. A trailing comment stays at the end of
the statement, after the closing bracket.

Only whole statements on one line are split, and a split is kept only when it
parses to the same tree as the line it replaces; lines outside the rewrite are
never touched.
"""

from __future__ import annotations

import ast
import io
import itertools
import tokenize

#: ruff's and black's line length, for a project that sets none.
DEFAULT_LINE_LENGTH = 88
_OPENING = {"(": ")", "[": "]", "{": "}"}
_INDENT = "    "


def split_long_lines(new_lines: list[str], old_lines: list[str], limit: int) -> list[str]:
    """``new_lines`` with each changed statement laid out as the formatters would: a one-line
    statement longer than ``limit`` split; a statement over several lines with no magic
    trailing comma nor comment inside joined when it fits (``def`` after ``async def`` was
    dropped) and otherwise split afresh (an argument prepended to arguments on one line)."""
    kept = set(old_lines)
    out: list[str] = []
    spans = _statements(new_lines)
    index = 0
    while index < len(new_lines):
        end = spans.get(index, index)
        group = new_lines[index:end + 1]
        index = end + 1
        if all(line in kept for line in group):
            out.extend(group)
            continue
        ending = group[-1][len(group[-1].rstrip("\r\n")):]
        if len(group) > 1:
            flat = _joined(group)
            if flat is None or not _same_tree("".join(group), [flat]):
                out.extend(group)
                continue
            if len(flat) <= limit:
                out.append(flat + ending)
                continue
            split = _split(flat, limit)
            out.extend([part + ending for part in split] if split else group)
            continue
        body = group[0].rstrip("\r\n")
        split = _split(body, limit) if len(body) > limit else None
        out.extend([part + ending for part in split] if split else group)
    return out


def _statements(lines: list[str]) -> dict[int, int]:
    """First line -> last line of each statement spanning several lines (by brackets)."""
    spans: dict[int, int] = {}
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO("".join(lines)).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return spans
    start: int | None = None
    for token in tokens:
        if token.type in (tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER):
            continue
        if start is None:
            start = token.start[0] - 1
        if token.type == tokenize.NEWLINE:
            if token.start[0] - 1 > start:
                spans[start] = token.start[0] - 1
            start = None
    return spans


def _joined(group: list[str]) -> str | None:
    """The statement on one line, or ``None`` when a formatter would keep it over several: a
    comment inside it, a string over several lines, or a magic trailing comma."""
    text = "".join(group)
    try:
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(_dedent(text)).readline)
                  if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER)]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None
    comment = ""
    if tokens and tokens[-1].type == tokenize.COMMENT:
        comment = "  " + tokens[-1].string
        tokens = tokens[:-1]
    if any(t.type == tokenize.COMMENT or t.start[0] != t.end[0] for t in tokens):
        return None
    for before, after in itertools.pairwise(tokens):
        if before.string == "," and after.string in (")", "]", "}"):
            return None
    parts = [line.strip() for line in group]
    flat = parts[0]
    for part in parts[1:]:
        glue = "" if flat.endswith(("(", "[", "{")) or part.startswith((")", "]", "}")) else " "
        flat += glue + part
    if comment and not flat.endswith(comment.strip()):
        return None
    indent = group[0][: len(group[0]) - len(group[0].lstrip())]
    return indent + flat


def _split(line: str, limit: int, depth: int = 0) -> list[str] | None:
    """``line`` split at a bracket pair: the last one whose opening line fits (a short trailer
    such as ``.json()`` or ``[:n]`` stays after the closing bracket), the contents on one line
    if they fit, else one element per line (each split again if it is still too long)."""
    indent = line[: len(line) - len(line.lstrip())]
    tokens = _tokens(line.strip())
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
    if operands is not None and _same_tree(line, operands):
        return operands
    pairs = _pairs(tokens) or []
    inside = indent + _INDENT
    # A ``def`` splits at its parameters, the first pair (black's left-hand split); anything
    # else at its last pair whose opening line fits (the right-hand split).
    order = pairs if code.startswith(("def ", "async def ")) else list(reversed(pairs))
    for opening, closing in order:
        head, inner, tail = code[: opening + 1], code[opening + 1: closing].strip(), code[closing:]
        if not inner or (len(indent + head) > limit and (opening, closing) != order[-1]):
            continue
        elements = _top_level_elements(inner)
        if elements is None:
            return None
        if not inner.endswith(",") and len(inside + inner) <= limit:
            body = [inside + inner]
        elif len(elements) == 1 and not inner.endswith(","):
            body = _split(inside + inner, limit, depth + 1) or [inside + inner]
        else:
            body = []
            for element in elements:
                part = inside + element + ","
                body += (_split(part, limit, depth + 1) or [part]) if len(part) > limit else [part]
        candidate = [indent + head, *body, indent + tail + comment]
        if _same_tree(line, candidate):
            return candidate
    return None


def _right_hand_side(code: str, indent: str, comment: str, limit: int) -> list[str] | None:
    """``x = a if c else f(y)`` (or ``return ...``): a value whose top is an operator, not a call,
    goes in parentheses of its own, on one line if it fits, else one operand per line
    (``if``/``else``, ``and``/``or``), as ruff format and black lay it out."""
    try:
        tree = ast.parse(code + ("\n    pass" if code.endswith(":") else ""))
    except SyntaxError:
        return None
    statement = tree.body[0] if len(tree.body) == 1 else None
    value = getattr(statement, "value", None)
    if not isinstance(statement, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Return)) \
            or not isinstance(value, (ast.IfExp, ast.BoolOp)) or value.end_col_offset is None:
        return None
    start, end = value.col_offset, value.end_col_offset
    if code[end:].strip() or code[:start].rstrip().endswith("("):
        return None  # something after the value, or it is parenthesized already
    inside = indent + _INDENT
    head, text = code[:start].rstrip() + " (", code[start:end]
    if len(inside + text) <= limit:
        return [indent + head, inside + text, indent + ")" + comment]
    if isinstance(value, ast.IfExp):
        parts = [ast.get_source_segment(code, node) for node in (value.body, value.test, value.orelse)]
        if None in parts:
            return None
        body, test, orelse = parts
        return [indent + head, inside + str(body), inside + f"if {test}", inside + f"else {orelse}", indent + ")" + comment]
    word = "and" if isinstance(value.op, ast.And) else "or"
    segments = [ast.get_source_segment(code, node) for node in value.values]
    if None in segments:
        return None
    lines = [inside + str(segments[0]), *(inside + f"{word} {segment}" for segment in segments[1:])]
    return [indent + head, *lines, indent + ")" + comment]


def _tokens(code: str) -> list[tokenize.TokenInfo] | None:
    try:
        found = list(tokenize.generate_tokens(io.StringIO(code + "\n").readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None
    skipped = {tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.INDENT, tokenize.DEDENT}
    found = [t for t in found if t.type not in skipped]
    if any(t.start[0] != 1 for t in found):
        return None  # a string over several lines, or a continuation: not one plain line
    return found


def _pairs(tokens: list[tokenize.TokenInfo]) -> list[tuple[int, int]] | None:
    """Columns of the outermost bracket pairs of the line, in order."""
    stack: list[tokenize.TokenInfo] = []
    pairs: list[tuple[int, int]] = []
    for token in tokens:
        if token.type != tokenize.OP:
            continue
        if token.string in _OPENING:
            stack.append(token)
        elif token.string in _OPENING.values():
            if not stack or _OPENING[stack[-1].string] != token.string:
                return None
            opened = stack.pop()
            if not stack:
                pairs.append((opened.start[1], token.start[1]))
    return pairs if not stack else None


def _top_level_elements(inner: str) -> list[str] | None:
    """The comma-separated elements of a bracket's contents (a trailing comma dropped)."""
    tokens = _tokens(inner)
    if tokens is None:
        return None
    elements, start, depth = [], 0, 0
    for token in tokens:
        if token.type == tokenize.OP and token.string in _OPENING:
            depth += 1
        elif token.type == tokenize.OP and token.string in _OPENING.values():
            depth -= 1
        elif token.type == tokenize.OP and token.string == "," and depth == 0:
            elements.append(inner[start: token.start[1]].strip())
            start = token.end[1]
    rest = inner[start:].strip()
    if rest:
        elements.append(rest)
    return elements if all(elements) else None


def _same_tree(line: str, parts: list[str]) -> bool:
    """Whether the split statement is the same statement (a block opener gets a body to parse)."""
    def tree(text: str) -> str | None:
        source = text.strip() if "\n" not in text else _dedent(text)
        if source.rstrip().endswith(":"):
            source += "\n    pass"
        try:
            parsed = compile(source, "<split>", "exec", ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        except SyntaxError:
            return None
        return ast.dump(parsed)

    before = tree(line)
    return before is not None and before == tree("\n".join(parts))


def _dedent(text: str) -> str:
    lines = text.split("\n")
    width = len(lines[0]) - len(lines[0].lstrip())
    return "\n".join(part[width:] if part[:width].isspace() or not part[:width] else part for part in lines)
