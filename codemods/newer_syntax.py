"""Syntax newer than the running Python, parsed anyway, every position kept.

The analysis works on ``ast`` trees, and ``ast`` only knows the grammar of the
Python running the tool: under 3.11, a project written for 3.12 (``def
f[T](x: T)``, ``class C[T]``, ``type X = int``, f-strings that nest the same
quotes, PEP 701) or 3.14 (``t"..."``, ``except A, B:``) would be a pile of
syntax errors, and the result would depend on which Python the tool was
installed with. libcst's native parser knows those grammars, so when
``ast.parse`` refuses a file, libcst parses it, and the constructs the running
Python lacks are *lowered* in the text to ones it has, character for
character, so that every line number and every column (``ast`` counts UTF-8
bytes) of what is left stays where it was:

- a type parameter list (``[T: int, *Ts]``) becomes blanks; over several
  lines, each line ends with a ``\\`` so the statement stays one;
- ``type X[T] = V`` becomes ``X = V`` (``X`` moves to where ``type`` was);
- a string group holding an f-string the running Python cannot read becomes a
  parenthesised tuple of its replacement fields, each expression at its own
  place (``f"{", ".join(xs)}!"`` -> ``(   ", ".join(xs),  )``); the tuple is
  then turned back into the ``ast.JoinedStr`` the newer Python would build, so
  the analysis sees an f-string (a URL for the HTTP swap) either way. A t-string
  stays a tuple (it is not a ``str``);
- ``except A, B:`` gets its parentheses, taking the blank after ``except`` and
  one blank inside the tuple (the last element's columns move by one).

The lowered text is then parsed (or compiled) by the running Python, so
everything else in the file is still checked by CPython itself: a file is
accepted only when libcst parses it *and* the rest is valid for the running
Python. Rewrites need none of this: they are made with libcst on the original
text.
"""

from __future__ import annotations

import ast
import functools
import re
import sys
from dataclasses import dataclass, field
from typing import Any

from .diffing import split_lines
from .lowering import CannotLower, Cells, Field, Lowering

#: Python versions move on: a file in newer syntax is not broken, the tool's Python is old.
SYNTAX_HINT = f" (parsed as Python {sys.version_info.major}.{sys.version_info.minor}; run the tool with the " \
    "project's Python if it is newer)"
#: What :func:`parse` raises for text it cannot make a tree of.
PARSE_ERRORS = (SyntaxError, ValueError, MemoryError, RecursionError)


def parse_failure(error: Exception) -> str:
    """The message a file that does not parse is reported with, wherever it was read."""
    if isinstance(error, SyntaxError):
        where = f"line {error.lineno}: " if error.lineno else ""
        return f"syntax error, {where}{error.msg}{SYNTAX_HINT}"
    return f"cannot parse: {error}"


@dataclass(frozen=True)
class Lowered:
    """The lowered text, and where its tuples stand for f-strings (shared: never changed)."""

    text: str
    #: (line, byte column) of a tuple made from an f-string group -> the group's parts.
    fstrings: dict[tuple[int, int], list[str | Field]] = field(default_factory=dict)
    #: Where the name of a lowered ``type X = ...`` now starts -> where it stood.
    aliases: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)


def parse(text: str, filename: str = "<unknown>") -> ast.Module:
    """``ast.parse``, or for a file in newer syntax the tree of its lowered text.

    Raises the running Python's ``SyntaxError`` when the text is not valid for
    libcst either; when what is left after lowering is not valid for the running
    Python, the error found there (at the same line: lowering keeps positions),
    which names the real mistake rather than the newer construct.
    """
    try:
        return ast.parse(text, filename=filename)
    except SyntaxError as error:
        lowered = lower(text) if may_be_newer(text, error) else None
        if lowered is None:
            raise
    tree = ast.parse(lowered.text, filename=filename)
    return _Restore(lowered).visit(tree)  # type: ignore[no-any-return]


def check_compiles(text: str, filename: str) -> None:
    """``compile``, accepting newer syntax: its lowered text must compile instead."""
    try:
        compile(text, filename, "exec", dont_inherit=True)
    except SyntaxError as error:
        lowered = lower(text) if may_be_newer(text, error) else None
        if lowered is None:
            raise
        compile(lowered.text, filename, "exec", dont_inherit=True)


#: A line that may hold a construct of a newer grammar: type parameters, a type alias,
#: ``except`` (PEP 758), an f-string or t-string (PEP 701, PEP 750).
_NEWER_HINT = re.compile(r"""\b(?:def|class)\s+\w+\s*\[|^\s*type\s+\w|\bexcept\b|(?<![\w.])(?:[fFtT][rR]?|[rR][fFtT])['"]""")
#: libcst's native parser recurses (and can overflow the C stack: a crash, not an
#: exception) on deep nesting, and is slow on very long chains. CPython refuses more
#: than 200 nested brackets on every version, so such a file is an error anyway.
_MAX_CHARS = 1_000_000
_MAX_BRACKETS = 200
_DEEP_CHAIN = re.compile(r"(?:(?:[-+~]|\bnot\b|\bawait\b|\blambda\b[^:\n]*:)\s*){200}|(?:\.\s*\w+\s*){1000}")
_NOT_BRACKETS = re.compile(r"[^()\[\]{}]+")


def may_be_newer(text: str, error: SyntaxError) -> bool:
    """Could this error be the running Python meeting newer syntax? Only when a line it
    names (or the one before) holds a construct of a newer grammar: a file whose first
    error is a plain typo is not handed to libcst at all (cheaper, and no risk)."""
    if not error.lineno:
        return False
    lines = split_lines(text)
    first, last = max(error.lineno - 1, 1), max(error.end_lineno or error.lineno, error.lineno)
    return any(_NEWER_HINT.search(line) for line in lines[first - 1 : last])


def _too_deep(text: str) -> bool:
    """Too large or too deeply nested to hand to libcst safely (see ``_MAX_BRACKETS``)."""
    if len(text) > _MAX_CHARS or _DEEP_CHAIN.search(text):
        return True
    depth = 0
    for bracket in _NOT_BRACKETS.sub("", text):  # brackets in strings count too: a safe overestimate
        depth += 1 if bracket in "([{" else -1
        if depth > _MAX_BRACKETS:
            return True
    return False


@functools.lru_cache(maxsize=64)
def lower(text: str) -> Lowered | None:
    """The text with newer constructs lowered, or ``None`` if libcst cannot parse it
    (or a construct cannot be lowered without moving a position, or the text is too
    deeply nested to hand to libcst). Kept for the last few texts: the syntax check,
    the analysis and the suppression comments of one file may each ask."""
    import libcst as cst
    from libcst.metadata import MetadataWrapper, PositionProvider

    if _too_deep(text):
        return None
    try:
        module = cst.parse_module(text)
    except Exception:  # noqa: BLE001 (libcst raises several types: ParserSyntaxError, RecursionError...)
        return None
    cells = Cells(text)
    chunks = _unreadable_statements(module, text)
    if chunks is None:
        rendered = split_lines(module.code)
        if len(rendered) != len(cells.starts) - 1:
            return None  # the round trip moved lines: no position could be trusted
        # libcst's round trip is not always byte-exact (LibCST #1457 drops the blank in
        # ``except X :``): positions on such a line are not trusted, the rest are.
        cells.untrusted = {n for n, (old, new) in enumerate(zip(split_lines(text), rendered), 1) if old != new}
        chunks = [(module, 1)]
    fstrings: dict[tuple[int, int], list[str | Field]] = {}
    aliases: dict[tuple[int, int], tuple[int, int]] = {}
    try:
        for chunk, first_line in chunks:
            wrapper = MetadataWrapper(chunk, unsafe_skip_copy=True)
            cells.shift = first_line - 1
            visitor = Lowering(chunk, wrapper.resolve(PositionProvider), cells)
            wrapper.visit(visitor)
            fstrings.update(visitor.fstrings)
            aliases.update(visitor.aliases)
    except (CannotLower, RecursionError):
        return None
    return Lowered(cells.render(), fstrings, aliases)


def _unreadable_statements(module: Any, text: str) -> list[tuple[Any, int]] | None:
    """The top-level statements of ``module`` that the running Python cannot read on
    their own, each re-parsed as a module, with the line it starts on: libcst's
    positions and a walk of its tree cost about ten times its parse, so only those
    get them. ``None`` when a statement is not rendered back exactly as written
    (its place in the text is then unknown): the whole module must be walked."""
    import libcst as cst

    header = "".join(module.code_for_node(line) for line in module.header)
    offset, line = len(header), 1 + len(split_lines(header))
    found = []
    for statement in module.body:
        code = module.code_for_node(statement)
        if text[offset : offset + len(code)] != code:
            return None
        try:
            ast.parse(code)
        except SyntaxError:
            chunk = cst.parse_module(code)
            if chunk.code != code:
                return None
            found.append((chunk, line))
        offset += len(code)
        line += len(split_lines(code))
    return found


class _Restore(ast.NodeTransformer):
    """Undo what lowering changed in the tree: tuples that stand for f-strings become the
    ``ast.JoinedStr`` CPython would build, and a type alias's name gets its column back."""

    def __init__(self, lowered: Lowered) -> None:
        self.groups = lowered.fstrings
        self.aliases = lowered.aliases

    def visit_Assign(self, node: ast.Assign) -> ast.AST:
        self.generic_visit(node)
        target = node.targets[0]
        moved = self.aliases.get((target.lineno, target.col_offset))
        if moved is not None and isinstance(target, ast.Name):
            target.col_offset = moved[1]
            target.end_col_offset = moved[1] + len(target.id.encode("utf-8"))
        return node

    def visit_Tuple(self, node: ast.Tuple) -> ast.AST:
        self.generic_visit(node)
        parts = self.groups.get((node.lineno, node.col_offset))
        if parts is None or len(node.elts) != _count(parts):
            return node
        values = iter(node.elts)
        return self._joined(parts, values, node)

    def _joined(self, parts: list[str | Field], values: Any, where: ast.AST) -> ast.JoinedStr:
        """The JoinedStr of ``parts`` (its Constants placed at ``where``, as CPython does)."""
        out: list[ast.expr] = []
        pending = ""
        for part in parts:
            if isinstance(part, str):
                pending += part
                continue
            if part.debug:
                pending += part.debug
            if pending:
                out.append(ast.copy_location(ast.Constant(pending), where))
                pending = ""
            value = next(values)
            spec = None
            if part.spec is not None:
                spec = self._joined(part.spec, values, _located(part.spec_span) or where)
            formatted = ast.copy_location(ast.FormattedValue(value, part.conversion, spec), value)
            if part.span is not None:
                (formatted.lineno, formatted.col_offset), (formatted.end_lineno, formatted.end_col_offset) = part.span
            out.append(formatted)
        if pending:
            out.append(ast.copy_location(ast.Constant(pending), where))
        return ast.copy_location(ast.JoinedStr(out), where)


def _located(span: tuple[tuple[int, int], tuple[int, int]] | None) -> ast.AST | None:
    if span is None:
        return None
    (line, column), (end_line, end_column) = span
    return ast.Pass(lineno=line, col_offset=column, end_lineno=end_line, end_col_offset=end_column)


def _count(parts: list[str | Field]) -> int:
    return sum(1 + _count(part.spec or []) for part in parts if isinstance(part, Field))
