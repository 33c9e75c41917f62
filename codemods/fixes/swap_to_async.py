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

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..analysis.blocking import DirectCall
from ..models import FixPlan, Strategy
from ..transform import NodeEdit
from .base import FixContext, Refusal
from .calls import awaited, keep_parens, parents, placement, refuse_unplaceable

if TYPE_CHECKING:
    import libcst as cst

    from ..transform import FileEdits

#: A swap builder: (context, call) -> (libcst rewrite, imports to add, modules that may become unused).
SwapBuilder = Callable[[FixContext, DirectCall, bool], tuple[Any, set[tuple[str, str | None]], set[str]]]


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


class SwapToAsync:
    strategy = Strategy.SWAP_TO_ASYNC
    summary = "keep `async def`; await the library's faithful async twin (`asyncio.sleep`, httpx)"

    def plan(self, context: FixContext) -> FixPlan:
        twins = sorted({f"{c.name} -> {t}" for c, t in self._swaps(context)})
        return FixPlan(self.strategy, True, "must stay async; swapped to the async twin: " + ", ".join(twins))

    def _swaps(self, context: FixContext) -> list[tuple[DirectCall, str]]:
        out = []
        for call in context.calls:
            if call.via or call.name not in SWAPS:
                raise Refusal(f"`{call.name}` has no faithful async twin")
            out.append((call, call.api.async_twin or call.name))
        return out

    def edit(self, context: FixContext, edits: FileEdits) -> None:
        parent_of = parents(context.function)
        for call, _twin in self._swaps(context):
            where = placement(call, context, parent_of)
            refuse_unplaceable(call, where)
            if where.with_statement is not None or where.inside_call is not None:
                raise Refusal(f"`{call.name}` sits where its twin cannot be awaited")
            rewrite, imports, unused = SWAPS[call.name](context, call, where.needs_parens)
            line = call.node.lineno
            edits.nodes.append(NodeEdit("Call", line, context.char_column(line, call.node.col_offset), rewrite,
                                        context.end_of(call.node)))
            edits.add_imports |= imports
            edits.remove_unused |= unused
