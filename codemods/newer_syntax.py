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
import warnings
from dataclasses import dataclass, field
from typing import Any

from .diffing import split_lines


class _CannotLower(Exception):
    """A construct whose lowering would move a position; the file stays a syntax error."""


@dataclass
class _Field:
    """One replacement field of an f-string: ``{value!r:spec}``."""

    conversion: int
    spec: list[str | _Field] | None
    #: ``{x=}``: the text CPython puts before the value.
    debug: str | None = None
    #: Where CPython puts the field: from ``{`` to ``}`` (line, byte column of each).
    span: tuple[tuple[int, int], tuple[int, int]] | None = None
    #: Where CPython puts the format spec: from ``:`` to the closing ``}``.
    spec_span: tuple[tuple[int, int], tuple[int, int]] | None = None


@dataclass
class Lowered:
    """The lowered text, and where its tuples stand for f-strings."""

    text: str
    #: (line, byte column) of a tuple made from an f-string group -> the group's parts.
    fstrings: dict[tuple[int, int], list[str | _Field]] = field(default_factory=dict)
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
    except SyntaxError:
        lowered = lower(text)
        if lowered is None:
            raise
    tree = ast.parse(lowered.text, filename=filename)
    return _Restore(lowered).visit(tree)  # type: ignore[no-any-return]


def check_compiles(text: str, filename: str) -> None:
    """``compile``, accepting newer syntax: its lowered text must compile instead."""
    try:
        compile(text, filename, "exec", dont_inherit=True)
    except SyntaxError:
        lowered = lower(text)
        if lowered is None:
            raise
        compile(lowered.text, filename, "exec", dont_inherit=True)


def lower(text: str) -> Lowered | None:
    """The text with newer constructs lowered, or ``None`` if libcst cannot parse it
    (or a construct cannot be lowered without moving a position)."""
    import libcst as cst
    from libcst.metadata import MetadataWrapper, PositionProvider

    try:
        module = cst.parse_module(text)
    except Exception:  # noqa: BLE001 (libcst raises several types: ParserSyntaxError, RecursionError...)
        return None
    cells = _Cells(text)
    rendered = split_lines(module.code)
    if len(rendered) != len(cells.starts) - 1:
        return None  # the round trip moved lines: no position could be trusted
    # libcst's round trip is not always byte-exact (LibCST #1457 drops the blank in
    # ``except X :``): positions on such a line are not trusted, the rest are.
    cells.untrusted = {number for number, (old, new) in enumerate(zip(split_lines(text), rendered), 1) if old != new}
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    visitor = _Lowering(module, wrapper.resolve(PositionProvider), cells)
    try:
        wrapper.visit(visitor)
    except (_CannotLower, RecursionError):
        return None
    return Lowered(cells.render(), visitor.fstrings, visitor.aliases)


class _Cells:
    """The text, one replacement string per character; bytes per line never change."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cells = list(text)
        self.starts: list[int] = []
        offset = 0
        for line in split_lines(text):
            self.starts.append(offset)
            offset += len(line)
        self.starts.append(offset)
        #: Lines libcst does not render back as they are (its columns there may be off).
        self.untrusted: set[int] = set()

    def offset(self, position: Any) -> int:
        line: int = position.line
        if line in self.untrusted:
            raise _CannotLower("libcst does not render this line back as it is")
        column: int = position.column
        return self.starts[line - 1] + column

    def byte_column(self, offset: int) -> tuple[int, int]:
        line = max(i for i, start in enumerate(self.starts) if start <= offset)
        return line + 1, len(self.text[self.starts[line] : offset].encode("utf-8"))

    def blank(self, start: int, end: int, continued: bool = False) -> None:
        """Spaces over ``[start, end)``, newlines kept; ``continued``: a ``\\`` ends each line."""
        text = self.text
        for i in range(start, end):
            if text[i] not in "\r\n":
                self.cells[i] = " " * len(text[i].encode("utf-8", "surrogatepass"))
        if not continued:
            return
        for i in range(start, end):
            if text[i] in "\r\n" and not (text[i] == "\n" and i > 0 and text[i - 1] == "\r"):
                if i == start or text[i - 1] in "\r\n":
                    raise _CannotLower("an empty line inside a lowered construct")
                self.cells[i - 1] = self.cells[i - 1][:-1] + "\\"

    def restore(self, start: int, end: int) -> None:
        self.cells[start:end] = list(self.text[start:end])

    def put(self, offset: int, value: str) -> None:
        """``value`` over one ASCII character (the caller keeps the bytes of the line)."""
        if len(self.text[offset].encode("utf-8", "surrogatepass")) != 1 or self.text[offset] in "\r\n":
            raise _CannotLower("no room for a replacement character")
        self.cells[offset] = value

    def render(self) -> str:
        return "".join(self.cells)


def _parses(source: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(f"(\n{source}\n)", mode="eval")
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return False
    return True


def _lowering_class() -> type:
    """The visitor, built on first use (libcst is imported only for files that need it)."""
    import libcst as cst

    strings = (cst.SimpleString, cst.FormattedString, cst.TemplatedString)

    class Lowering(cst.CSTVisitor):
        def __init__(self, module: cst.Module, positions: Any, cells: _Cells) -> None:
            super().__init__()
            self.module = module
            self.positions = positions
            self.cells = cells
            self.fstrings: dict[tuple[int, int], list[str | _Field]] = {}
            self.aliases: dict[tuple[int, int], tuple[int, int]] = {}
            self.grouped: set[int] = set()

        def span(self, node: cst.CSTNode) -> tuple[int, int]:
            where = self.positions[node]
            return self.cells.offset(where.start), self.cells.offset(where.end)

        # -- PEP 695 / 696: type parameters, type aliases --------------------------------
        def visit_TypeParameters(self, node: cst.TypeParameters) -> None:
            self.cells.blank(*self.span(node), continued=True)

        def visit_TypeAlias(self, node: cst.TypeAlias) -> None:
            start, _ = self.span(node)
            name_start, name_end = self.span(node.name)
            text = self.cells.text
            if any(c in "\r\n" for c in text[start:name_end]):
                raise _CannotLower("`type` and its name on different lines")
            room = len(text[start:name_end].encode("utf-8"))
            name = text[name_start:name_end]
            self.cells.put(start, name + " " * (room - len(name.encode("utf-8"))))
            for i in range(start + 1, name_end):
                self.cells.cells[i] = ""
            self.aliases[self.cells.byte_column(start)] = self.cells.byte_column(name_start)

        # -- PEP 758: except A, B: ------------------------------------------------------
        def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
            self._except(node.type)

        def visit_ExceptStarHandler(self, node: cst.ExceptStarHandler) -> None:
            self._except(node.type)

        def _except(self, kind: cst.BaseExpression | None) -> None:
            if not isinstance(kind, cst.Tuple) or kind.lpar:
                return
            start, end = self.span(kind)
            text, cells = self.cells.text, self.cells
            if text[start - 1] not in " \t":
                raise _CannotLower("no blank before the exception tuple")
            cells.put(start - 1, "(")
            if end < len(text) and text[end] in " \t":
                cells.put(end, ")")
                return
            before_last = self.span(kind.elements[-1])[0] - 1
            while before_last > start and text[before_last] == "(":
                before_last -= 1
            if text[before_last] not in " \t":
                raise _CannotLower("no blank inside the exception tuple")
            cells.cells[before_last] = ""
            cells.cells[end - 1] = cells.cells[end - 1] + ")"

        # -- PEP 701 f-strings, PEP 750 t-strings ---------------------------------------
        def visit_ConcatenatedString(self, node: cst.ConcatenatedString) -> None:
            if id(node) in self.grouped:
                return
            leaves: list[cst.CSTNode] = []
            self._leaves(node, leaves)
            self.grouped.update(id(leaf) for leaf in leaves)
            self._group(leaves)

        def _leaves(self, node: cst.CSTNode, out: list[cst.CSTNode]) -> None:
            if isinstance(node, cst.ConcatenatedString):
                self.grouped.add(id(node))
                self._leaves(node.left, out)
                self._leaves(node.right, out)
            else:
                out.append(node)

        def visit_FormattedString(self, node: cst.FormattedString) -> None:
            if id(node) not in self.grouped:
                self._group([node])

        def visit_TemplatedString(self, node: cst.TemplatedString) -> None:
            if id(node) not in self.grouped:
                self._group([node])

        def _group(self, leaves: list[cst.CSTNode]) -> None:
            start, end = self.span(leaves[0])[0], self.span(leaves[-1])[1]
            if not all(isinstance(leaf, strings) for leaf in leaves) or _parses(self.cells.text[start:end]):
                return
            self.cells.blank(start, end)
            self.cells.put(start, "(")
            self.cells.put(end - 1, ")")
            parts: list[str | _Field] = []
            template = False
            for leaf in leaves:
                if isinstance(leaf, cst.SimpleString):
                    value = leaf.evaluated_value
                    parts.append(value if isinstance(value, str) else "")
                elif isinstance(leaf, (cst.FormattedString, cst.TemplatedString)):
                    template = template or isinstance(leaf, cst.TemplatedString)
                    parts += self._parts(leaf.parts, leaf.prefix)
            if not template:
                self.fstrings[self.cells.byte_column(start)] = parts

        def _parts(self, nodes: Any, prefix: str) -> list[str | _Field]:
            parts: list[str | _Field] = []
            for part in nodes:
                if isinstance(part, (cst.FormattedStringText, cst.TemplatedStringText)):
                    parts.append(_literal(part.value, prefix))
                    continue
                opening = self.span(part)[0]  # the ``{``
                expression = part.expression
                expr_start = self.span(expression.lpar[0] if expression.lpar else expression)[0]
                expr_end = self.span(expression.rpar[-1] if expression.rpar else expression)[1]
                delimiter = _delimiter(self.cells.text, expr_end)
                self.cells.restore(expr_start, expr_end)
                self.cells.put(delimiter, ",")
                spec = None if part.format_spec is None else self._parts(part.format_spec, prefix)
                conversion = ord(part.conversion) if part.conversion else -1
                debug = None
                if part.equal is not None:
                    equal_end = _delimiter(self.cells.text, delimiter + 1, stop="!:}")
                    debug = self.cells.text[opening + 1 : equal_end]
                    if conversion == -1 and spec is None:
                        conversion = ord("r")
                closing = self.span(part)[1] - 1
                span = (self.cells.byte_column(opening), self.cells.byte_column(closing + 1))
                spec_span = None
                if spec is not None:
                    colon = self.cells.text.find(":", delimiter, closing)  # past ``=`` and ``!r``
                    if colon == -1:
                        raise _CannotLower("a format spec without its colon")
                    spec_span = (self.cells.byte_column(colon), self.cells.byte_column(closing))
                parts.append(_Field(conversion, spec, debug, span, spec_span))
            return parts

    return Lowering


def _delimiter(text: str, start: int, stop: str = "=!:}") -> int:
    """Where a replacement field goes on after its expression: the first of ``stop``,
    past blanks and comments (PEP 701 allows both over several lines)."""
    i = start
    while i < len(text) and text[i] not in stop:
        if text[i] == "#":
            while i < len(text) and text[i] not in "\r\n":
                i += 1
        elif text[i] in " \t\f\r\n":
            i += 1
        else:
            raise _CannotLower(f"unexpected {text[i]!r} after a replacement field's expression")
    if i == len(text):
        raise _CannotLower("a replacement field without its end")
    return i


_CLASS: list[type] = []


def _Lowering(module: Any, positions: Any, cells: _Cells) -> Any:
    if not _CLASS:
        _CLASS.append(_lowering_class())
    return _CLASS[0](module, positions, cells)


def _literal(raw: str, prefix: str) -> str:
    """The value of an f-string's literal part, as CPython decodes it."""
    text = raw.replace("{{", "{").replace("}}", "}")
    if "r" in prefix.lower():
        return text
    for delimiter in ('"""', "'''"):
        if delimiter in text or text.endswith(delimiter[0]):
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                value = ast.literal_eval(f"{delimiter}{text}{delimiter}")
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            break
        return value if isinstance(value, str) else text
    return text


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

    def _joined(self, parts: list[str | _Field], values: Any, where: ast.AST) -> ast.JoinedStr:
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


def _count(parts: list[str | _Field]) -> int:
    return sum(1 + _count(part.spec or []) for part in parts if isinstance(part, _Field))
