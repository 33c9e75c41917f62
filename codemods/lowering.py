"""How each construct of a newer grammar is lowered, in place (see :mod:`codemods.newer_syntax`).

The text is held as one replacement string per character (:class:`Cells`), so
an edit never moves what follows it: blanks take the bytes of what they hide
(``ast`` counts columns in UTF-8 bytes). A libcst visitor walks the module and
edits the cells: type parameter lists and aliases, ``except A, B:``, and the
string groups holding an f-string or t-string the running Python cannot read,
which become tuples of their replacement fields (:class:`Field` records what
the f-string was, so that the tuple can be turned back into one).
"""

from __future__ import annotations

import ast
import bisect
import warnings
from dataclasses import dataclass
from typing import Any

from .diffing import split_lines


class CannotLower(Exception):
    """A construct whose lowering would move a position; the file stays a syntax error."""


@dataclass
class Field:
    """One replacement field of an f-string: ``{value!r:spec}``."""

    conversion: int
    spec: list[str | Field] | None
    #: ``{x=}``: the text CPython puts before the value.
    debug: str | None = None
    #: Where CPython puts the field: from ``{`` to ``}`` (line, byte column of each).
    span: tuple[tuple[int, int], tuple[int, int]] | None = None
    #: Where CPython puts the format spec: from ``:`` to the closing ``}``.
    spec_span: tuple[tuple[int, int], tuple[int, int]] | None = None


class Cells:
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
        #: Lines above the statement whose positions are being read (it is parsed alone).
        self.shift = 0

    def offset(self, position: Any) -> int:
        line: int = position.line + self.shift
        if line in self.untrusted:
            raise CannotLower("libcst does not render this line back as it is")
        column: int = position.column
        return self.starts[line - 1] + column

    def byte_column(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
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
                    raise CannotLower("an empty line inside a lowered construct")
                self.cells[i - 1] = self.cells[i - 1][:-1] + "\\"

    def restore(self, start: int, end: int) -> None:
        self.cells[start:end] = list(self.text[start:end])

    def put(self, offset: int, value: str) -> None:
        """``value`` over one ASCII character (the caller keeps the bytes of the line)."""
        if len(self.text[offset].encode("utf-8", "surrogatepass")) != 1 or self.text[offset] in "\r\n":
            raise CannotLower("no room for a replacement character")
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
        def __init__(self, module: cst.Module, positions: Any, cells: Cells) -> None:
            super().__init__()
            self.module = module
            self.positions = positions
            self.cells = cells
            self.fstrings: dict[tuple[int, int], list[str | Field]] = {}
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
                raise CannotLower("`type` and its name on different lines")
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
                raise CannotLower("no blank before the exception tuple")
            cells.put(start - 1, "(")
            if end < len(text) and text[end] in " \t":
                cells.put(end, ")")
                return
            before_last = self.span(kind.elements[-1])[0] - 1
            while before_last > start and text[before_last] == "(":
                before_last -= 1
            if text[before_last] not in " \t":
                raise CannotLower("no blank inside the exception tuple")
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
            parts: list[str | Field] = []
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

        def _parts(self, nodes: Any, prefix: str) -> list[str | Field]:
            parts: list[str | Field] = []
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
                        raise CannotLower("a format spec without its colon")
                    spec_span = (self.cells.byte_column(colon), self.cells.byte_column(closing))
                parts.append(Field(conversion, spec, debug, span, spec_span))
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
            raise CannotLower(f"unexpected {text[i]!r} after a replacement field's expression")
    if i == len(text):
        raise CannotLower("a replacement field without its end")
    return i


_CLASS: list[type] = []


def Lowering(module: Any, positions: Any, cells: Cells) -> Any:
    """The visitor that edits ``cells`` (a function: the class needs libcst, imported late)."""
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
