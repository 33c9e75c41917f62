"""What every fix sees, and what it must provide.

A fix is one module holding one class. It decides from a :class:`FixContext`
whether it applies (returning a :class:`~codemods.models.FixPlan` that says
why, or why not), and rewrites the libcst node of the function. It never reads
files, config or the terminal; the planner picks one fix per finding.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ..analysis.blocking import DirectCall
from ..analysis.scope import FunctionNode, Scope
from ..models import FixPlan, Kind, Settings, Strategy

if TYPE_CHECKING:
    import libcst as cst


@dataclass(frozen=True)
class FixContext:
    """Everything a fix may consult about one flagged function."""

    function: FunctionNode
    scope: Scope
    kind: Kind
    #: Index of the decorator that registered the function with FastAPI, if any.
    decorator_index: int | None
    calls: tuple[DirectCall, ...]
    #: Lines in this module where the function is called (each call makes a coroutine).
    call_sites: tuple[int, ...]
    settings: Settings
    tree: ast.Module


class Refusal(Exception):
    """A fix does not apply; the message says why, for the user."""


class Fix(Protocol):
    strategy: Strategy
    summary: str

    def plan(self, context: FixContext) -> FixPlan:
        """Return a plan for this fix, or raise :class:`Refusal` with the reason."""

    def rewrite(self, node: cst.FunctionDef) -> cst.FunctionDef:
        """The rewritten function node (libcst)."""
