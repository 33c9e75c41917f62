"""swap-to-async: keep the function async and await the library's faithful async twin.

What it does
    ``time.sleep(x)`` becomes ``await asyncio.sleep(x)`` (``anyio.sleep``
    where the module already uses anyio). Further swaps (requests to an httpx
    ``AsyncClient``) live in their own modules and are offered here by the
    call they rewrite.

When it applies
    Every blocking call of the function has a twin that behaves the same
    (same arguments, same result, same errors) and sits where an ``await``
    may go. Otherwise the planner moves on to wrap-in-threadpool: never a
    silent change of behaviour.

Fix safety
    Safe.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..analysis.direct_calls import DirectCall
from ..models import FixPlan, Strategy
from ..transform import NodeEdit
from .base import FixContext, Refusal
from .calls import awaited, keep_parens, parents, placement, refuse_unplaceable
from .http_swaps import SwapEdits, requests_call

if TYPE_CHECKING:
    import libcst as cst

    from ..transform import FileEdits

#: A call-level swap: (context, call, parenthesize) -> (libcst rewrite, imports to add, modules maybe unused).
SwapBuilder = Callable[[FixContext, DirectCall, bool], tuple[Any, set[tuple[str, str | None]], set[str]]]
#: A statement-level swap: (context, call, its statement) -> edits.
StatementSwap = Callable[[FixContext, DirectCall, ast.stmt], SwapEdits]


def _sleep(context: FixContext, call: DirectCall, parenthesize: bool) -> tuple[Any, set[tuple[str, str | None]], set[str]]:
    if call.node.keywords or len(call.node.args) != 1:
        raise Refusal("`time.sleep` is called with unusual arguments")
    library = "anyio" if "anyio" in context.module.scope.bindings else "asyncio"
    bound = context.scope.lookup(library)
    if bound is not None and {b.target for b in bound[1] if b.kind == "import"} != {library}:
        raise Refusal(f"`{library}` already means something else here")

    def rewrite(original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        import libcst as cst

        target = cst.Attribute(value=cst.Name(library), attr=cst.Name("sleep"))
        return keep_parens(original, awaited(updated.with_changes(func=target, lpar=[], rpar=[]), parenthesize))

    return rewrite, {(library, None)}, {"time"}


SWAPS: dict[str, SwapBuilder] = {"time.sleep": _sleep}
STATEMENT_SWAPS: dict[str, StatementSwap] = {
    f"requests.{verb}": requests_call for verb in ("get", "post", "put", "patch", "delete", "head", "options", "request")
}


class SwapToAsync:
    strategy = Strategy.SWAP_TO_ASYNC
    summary = "keep `async def`; await the library's faithful async twin (`asyncio.sleep`, httpx)"

    def plan(self, context: FixContext) -> FixPlan:
        self._build(context)
        twins = sorted({f"{c.name} -> {_twin(c.name, context)}" for c in context.calls})
        return FixPlan(self.strategy, True, "must stay async; swapped to the async twin: " + ", ".join(twins))

    def edit(self, context: FixContext, edits: FileEdits) -> None:
        built = self._build(context)
        edits.nodes.extend(built.nodes)
        edits.add_imports |= built.imports
        edits.remove_unused |= built.unused
        edits.module_statements.update(built.module_statements)

    def _build(self, context: FixContext) -> SwapEdits:
        out = SwapEdits()
        parent_of = parents(context.function)
        for call in context.calls:
            if call.via or (call.name not in SWAPS and call.name not in STATEMENT_SWAPS):
                raise Refusal(f"`{call.name}` has no faithful async twin")
            where = placement(call, context, parent_of)
            refuse_unplaceable(call, where)
            if where.with_statement is not None or where.inside_call is not None:
                raise Refusal(f"`{call.name}` sits where its twin cannot be awaited")
            if call.name in STATEMENT_SWAPS:
                statement = _statement_of(call.node, parent_of)
                built = STATEMENT_SWAPS[call.name](context, call, statement)
                out.nodes.extend(built.nodes)
                out.imports |= built.imports
                out.unused |= built.unused
                out.module_statements.update(built.module_statements)
                continue
            rewrite, imports, unused = SWAPS[call.name](context, call, where.needs_parens)
            line = call.node.lineno
            out.nodes.append(NodeEdit("Call", line, context.char_column(line, call.node.col_offset), rewrite,
                                      context.end_of(call.node)))
            out.imports |= imports
            out.unused |= unused
        return out


def _twin(name: str, context: FixContext) -> str:
    if name in STATEMENT_SWAPS:
        return f"{context.settings.http_library}.AsyncClient"
    return "asyncio.sleep"


def _statement_of(node: ast.AST, parent_of: dict[int, ast.AST]) -> ast.stmt:
    current: ast.AST | None = node
    while current is not None and not isinstance(current, ast.stmt):
        current = parent_of.get(id(current))
    if current is None:
        raise Refusal("the call is not inside a statement")
    return current
