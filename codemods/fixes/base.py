"""What every fix sees, and what it must provide.

A fix is one module holding one class. It decides from a :class:`FixContext`
whether it applies (returning a :class:`~codemods.models.FixPlan` that says
why, or why not), and rewrites the libcst node of the function. It never reads
files, config or the terminal; the planner picks one fix per finding.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ..analysis.callers import Caller
from ..analysis.direct_calls import DirectCall
from ..analysis.modules import ModuleInfo
from ..analysis.resolver import Resolver
from ..analysis.scope import FunctionNode, Scope
from ..models import FixPlan, Kind, Settings, Strategy

if TYPE_CHECKING:
    from ..transform import FileEdits


@dataclass(frozen=True)
class FixContext:
    """Everything a fix may consult about one flagged function."""

    function: FunctionNode
    scope: Scope
    kind: Kind
    #: Index of the decorator that registered the function with FastAPI, if any.
    decorator_index: int | None
    calls: tuple[DirectCall, ...]
    #: Every use of the function in the project (this module included), and how it uses the coroutine.
    callers: tuple[Caller, ...]
    settings: Settings
    tree: ast.Module
    #: The module's lines (endings kept), for positions in characters.
    lines: list[str]
    module: ModuleInfo
    resolver: Resolver
    #: Why the function may not become ``def`` although it could (a caller that cannot be rewritten).
    keep_async: str | None = None

    def char_column(self, line: int, byte_column: int) -> int:
        return char_column(self.lines, line, byte_column)

    def end_of(self, node: ast.expr | ast.stmt) -> tuple[int, int]:
        line = node.end_lineno or node.lineno
        return line, self.char_column(line, node.end_col_offset or 0)

    def source_of(self, node: ast.expr) -> str:
        """The text of ``node`` as the user wrote it (quotes and spacing kept, unlike ``ast.unparse``)."""
        return ast.get_source_segment("".join(self.lines), node) or ast.unparse(node)

    def alone_on_its_lines(self, statement: ast.stmt) -> bool:
        """True when no other statement or block header shares ``statement``'s lines.

        Statement-level rewrites replace the whole libcst ``SimpleStatementLine``:
        after a ``;``, on a ``def``/``if`` line or before another ``;`` statement
        they would miss their anchor or take a neighbour with them.
        """
        first = self.lines[statement.lineno - 1].encode("utf-8")[: statement.col_offset]
        last_line = statement.end_lineno or statement.lineno
        rest = self.lines[last_line - 1].encode("utf-8")[statement.end_col_offset or 0 :].strip()
        if rest.startswith(b";"):
            rest = rest[1:].strip()
        return not first.strip() and (not rest or rest.startswith(b"#"))

    def name_column(self) -> int:
        """Character column of the function's name on its ``def`` line."""
        text = self.lines[self.function.lineno - 1]
        start = self.char_column(self.function.lineno, self.function.col_offset)
        match = re.compile(r"def\s+" + re.escape(self.function.name) + r"\b").search(text, start)
        if match is None:
            raise Refusal("cannot locate the function name on its `def` line")
        return match.end() - len(self.function.name)


def char_column(lines: list[str], line: int, byte_column: int) -> int:
    """``ast`` columns count UTF-8 bytes; libcst's count characters."""
    return len(lines[line - 1].encode("utf-8")[:byte_column].decode("utf-8", "replace"))


class Refusal(Exception):
    """A fix does not apply; the message says why, for the user."""


class Fix(Protocol):
    strategy: Strategy
    summary: str

    def plan(self, context: FixContext) -> FixPlan:
        """Return a plan for this fix, or raise :class:`Refusal` with the reason."""

    def edit(self, context: FixContext, edits: FileEdits) -> None:
        """Add this fix's node edits and imports to ``edits`` (or raise :class:`Refusal`)."""
