"""Where one line of code can be cut: its tokens, and the places outside its brackets where
the formatters break it (an operator on its top, a chain's links, a comprehension's clauses,
an implicit concatenation's strings). Each function takes the line's code and returns its
parts, or ``None`` when the code has no such place. :mod:`.line_split` puts the parts on lines.
"""

from __future__ import annotations

import ast
import io
import itertools
import tokenize
from collections.abc import Iterator

OPENING = {"(": ")", "[": "]", "{": "}"}


def compared_operand(clause: str) -> list[str] | None:
    """An ``and``/``or`` operand that is a comparison, cut before its operators as the
    formatters cut it when it does not fit (``and x.backend`` / ``!= "mooncake"``)."""
    word, _, operand = clause.partition(" ")
    if word not in ("and", "or"):
        return None
    try:
        if not isinstance(ast.parse(operand, mode="eval").body, ast.Compare):
            return None
    except SyntaxError:
        return None
    parts = comparison_operands(operand)
    return [f"{word} {parts[0]}", *parts[1:]] if parts else None


_COMPARISONS = frozenset({"<", ">", "==", "!=", "<=", ">="})


def comparison_operands(code: str) -> list[str] | None:
    """``a > b.c`` -> ``["a", "> b.c"]``: a comparison cut before each of its operators
    (``not in`` and ``is not`` whole), where it stands outside any bracket."""
    tokens = tokens_of(code) or []
    cuts = []
    for index, token in outside_brackets(tokens):
        before = tokens[index - 1].string if index else ""
        after = tokens[index + 1].string if index + 1 < len(tokens) else ""
        operator = token.string in _COMPARISONS if token.type == tokenize.OP else (
            token.string == "is" or token.string == "not" and after == "in" or token.string == "in" and before != "not")
        if operator:
            cuts.append(token.start[1])
    return parts_at(code, cuts) if cuts else None


#: The operators of one precedence level, by the ``ast`` operator on top of a binary expression.
_LEVELS: dict[type[ast.operator], frozenset[str]] = {
    **dict.fromkeys((ast.Add, ast.Sub), frozenset({"+", "-"})),
    **dict.fromkeys((ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.MatMult), frozenset({"*", "/", "//", "%", "@"})),
    **dict.fromkeys((ast.LShift, ast.RShift), frozenset({"<<", ">>"})),
    ast.BitAnd: frozenset({"&"}), ast.BitXor: frozenset({"^"}), ast.BitOr: frozenset({"|"}),
}
_OPERAND_ENDS = frozenset({tokenize.NAME, tokenize.NUMBER, tokenize.STRING})


def binary_operands(code: str, value: ast.BinOp) -> list[str] | None:
    """``await f(x) * weight`` -> ``["await f(x)", "* weight"]``: a binary expression cut before
    each operator of the level on its top (a sign after an operator is not one), outside any
    bracket; ``**`` is never cut, as the formatters leave it."""
    level = _LEVELS.get(type(value.op))
    tokens = tokens_of(code) or []
    cuts = [token.start[1] for index, token in outside_brackets(tokens)
            if level is not None and token.type == tokenize.OP and token.string in level and index
            and (tokens[index - 1].type in _OPERAND_ENDS or tokens[index - 1].string in (")", "]", "}"))]
    return parts_at(code, cuts) if cuts else None


def binary_needs_parentheses(value: ast.expr, text: str) -> bool:
    """A binary expression the formatters wrap in parentheses of their own to split it: with
    several operators on its top level, or one whose right operand does not end in a bracket
    (``await f(x) * weight``); ``a + f(x)`` is split at the call's brackets instead."""
    if not isinstance(value, ast.BinOp) or isinstance(value.op, ast.Pow):
        return False
    operands = binary_operands(text, value)
    return operands is not None and (len(operands) > 2 or not text.endswith((")", "]", "}")))


def string_parts(code: str) -> list[str] | None:
    """An implicit concatenation (``"a " f"b {x} " "c"``) cut into its strings, one per line
    as the formatters keep them when they do not fit on one; ``None`` for anything else."""
    try:
        value = ast.parse(code, mode="eval").body
    except SyntaxError:
        return None
    if not isinstance(value, (ast.Constant, ast.JoinedStr)):
        return None
    starts: list[int] = []
    nested = 0  # inside an f-string (Python 3.12+ tokenizes its parts)
    for token in tokens_of(code) or []:
        name = tokenize.tok_name.get(token.type, "")
        if name in ("STRING", "FSTRING_START", "TSTRING_START") and not nested:
            starts.append(token.start[1])
        if name in ("FSTRING_START", "TSTRING_START"):
            nested += 1
        elif name in ("FSTRING_END", "TSTRING_END"):
            nested -= 1
    if len(starts) < 2:
        return None
    return [code[start:end].strip() for start, end in zip(starts, [*starts[1:], len(code)])]


def fluent_parts(code: str) -> list[str] | None:
    """A chain of calls one link per line, as ruff format lays out a chain that does not fit
    (``session.query(User)`` / ``.filter(User.id == user_id)`` / ``.first()``): cut before each
    ``.`` that follows a call or subscript, when there are at least two of those (one alone
    stays where it is: ``client.get(url).json()`` is split at its brackets)."""
    try:
        value = ast.parse(code, mode="eval").body
    except SyntaxError:
        return None
    tokens = tokens_of(code)
    if not isinstance(value, (ast.Call, ast.Attribute, ast.Subscript)) or tokens is None:
        return None
    cuts = [token.start[1] for index, token in outside_brackets(tokens)
            if token.string == "." and index > 0 and tokens[index - 1].string in (")", "]")]
    return parts_at(code, cuts) if len(cuts) >= 2 else None


def cut_before(code: str, words: list[str]) -> list[str] | None:
    """``code`` cut before each of ``words`` in turn, where it stands outside any bracket."""
    tokens = tokens_of(code)
    if tokens is None:
        return None
    cuts, wanted = [], list(words)
    for _index, token in outside_brackets(tokens):
        if wanted and token.type == tokenize.NAME and token.string == wanted[0]:
            cuts.append(token.start[1])
            wanted.pop(0)
    return None if wanted else parts_at(code, cuts)


def comprehension_clauses(inner: str) -> list[str] | None:
    """``x for x in xs if x`` -> ``["x", "for x in xs", "if x"]``, as ruff format splits a
    comprehension that does not fit; ``None`` for anything else (a ternary's ``if`` before the
    first ``for`` stays with the element)."""
    tokens = tokens_of(inner)
    if tokens is None:
        return None
    cuts: list[int] = []
    for index, token in outside_brackets(tokens):
        after_async = index > 0 and tokens[index - 1].string == "async"
        if token.string == "for" and not after_async or token.string == "async" and (
                index + 1 < len(tokens) and tokens[index + 1].string == "for") or token.string == "if" and cuts:
            cuts.append(token.start[1])
    return parts_at(inner, cuts) if cuts else None


def outside_brackets(tokens: list[tokenize.TokenInfo]) -> Iterator[tuple[int, tokenize.TokenInfo]]:
    """The tokens (with their index) that stand outside any bracket, brackets excluded."""
    depth = 0
    for index, token in enumerate(tokens):
        if token.type == tokenize.OP and token.string in OPENING:
            depth += 1
        elif token.type == tokenize.OP and token.string in OPENING.values():
            depth -= 1
        elif depth == 0:
            yield index, token


def parts_at(code: str, cuts: list[int]) -> list[str] | None:
    parts = [code[a:b].strip() for a, b in itertools.pairwise([0, *cuts, len(code)])]
    return parts if all(parts) else None


def tokens_of(code: str) -> list[tokenize.TokenInfo] | None:
    try:
        found = list(tokenize.generate_tokens(io.StringIO(code + "\n").readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None
    skipped = {tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.INDENT, tokenize.DEDENT}
    found = [t for t in found if t.type not in skipped]
    if any(t.start[0] != 1 for t in found):
        return None  # a string over several lines, or a continuation: not one plain line
    return found
