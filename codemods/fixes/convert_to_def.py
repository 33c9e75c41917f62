"""convert-to-def: ``async def`` -> ``def``, so FastAPI runs the function in its threadpool.

What it does
    Drops the ``async`` keyword. Nothing else in the file changes.

When it applies (shared/research/fastapi_semantics.md, rules B.1-B.8)
    - FastAPI runs a ``def`` of this kind in the threadpool: routes,
      dependencies, background tasks, exception handlers. Never websockets,
      middleware or lifespan functions, which FastAPI always awaits (F4.1, F5.1, F5.4),
      nor tasks they schedule with ``create_task``, which takes only a coroutine.
    - The body (outside nested functions) has no ``await``, ``async with``,
      ``async for`` or async comprehension, and no ``yield`` (a sync generator
      endpoint needs FastAPI >= 0.134, F1.11).
    - No decorator sits between the route decorator and the ``def``: it may
      wrap the function in an ``async`` wrapper (F1.3). A function registered
      by a call (``add_api_route(path, f)``, ``Depends(f)``) has no project
      decorator whose ``async`` wrapper awaits it.
    - Every use of it in the project (tests included) can change with it
      (F7.6): ``await f(...)`` becomes ``await run_in_threadpool(f, ...)``
      and ``asyncio.run(f(...))`` becomes ``f(...)``, in the same change
      (see :mod:`.awaiting_callers`). Any other use (gathered, scheduled,
      stored, patched by name, a method called on an unknown receiver)
      keeps it async.
    - It uses no event-loop API and sets no ``ContextVar`` (lost in a thread, F7.4, F7.5).

Fix safety
    Safe, except where the body rebinds module state with ``global`` or
    ``nonlocal``: threads could race on it (F7.7), so the fix is unsafe.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from ..analysis.callers import AWAITED, PATCHED, REWRITABLE, RUN
from ..analysis.decorators import wrappers
from ..analysis.frames import iter_loop_nodes
from ..analysis.modules import function_key
from ..analysis.names import qualified_name
from ..models import FixPlan, Kind, Strategy
from ..transform import NodeEdit
from .awaiting_callers import rewrite_callers
from .base import FixContext, Refusal

if TYPE_CHECKING:
    import libcst as cst

    from ..transform import FileEdits

CONVERTIBLE_KINDS = frozenset({Kind.ROUTE, Kind.DEPENDENCY, Kind.BACKGROUND, Kind.EXCEPTION_HANDLER, Kind.OTHER})
_LOOP_MODULES = ("asyncio", "anyio", "trio")
#: Loop-module callables that are fine in a worker thread.
_LOOP_SAFE = frozenset({"asyncio.run", "asyncio.iscoroutinefunction", "asyncio.iscoroutine", "anyio.run"})


class ConvertToDef:
    strategy = Strategy.CONVERT_TO_DEF
    summary = "turn the `async def` into `def`; FastAPI then runs it in its threadpool"

    def plan(self, context: FixContext) -> FixPlan:
        function = context.function
        if context.kind is Kind.TASK:
            raise Refusal("scheduled with `create_task`, which needs a coroutine: it must stay async")
        if context.kind not in CONVERTIBLE_KINDS:
            raise Refusal(f"a {context.kind.value.replace('_', ' ')} function must stay async: FastAPI always awaits it")
        _refuse_async_constructs(function, allow_yield=context.kind is Kind.DEPENDENCY or _is_stream(context))
        if context.decorator_index is not None and context.decorator_index < len(function.decorator_list) - 1:
            below = ast.unparse(function.decorator_list[context.decorator_index + 1])
            raise Refusal(f"decorated with `@{below}` below the route decorator; its wrapper may be async")
        defined = context.resolver.index.defined(function) if context.decorator_index is None else None
        wrapper = next((w for w in wrappers(defined, context.resolver) if w.is_async), None) if defined else None
        if wrapper is not None:
            # Registered by a call (``add_api_route(path, self.serve)``, ``Depends(f)``): what
            # FastAPI runs is the decorated function, an ``async`` wrapper that awaits this one.
            raise Refusal(f"decorated: its wrapper `{wrapper.qualname}` is `async` and awaits it")
        rewritten = _check_callers(context)
        _refuse_loop_bound(context)
        rebinds = [n for n in iter_loop_nodes(function.body) if isinstance(n, (ast.Global, ast.Nonlocal))]
        if rebinds:
            names = ", ".join(sorted({name for node in rebinds for name in node.names}))
            return FixPlan(self.strategy, False, f"rebinds shared state ({names}); in a thread that may race")
        if context.kind is Kind.OTHER:
            return FixPlan(self.strategy, False, "not run by FastAPI; callers in other modules may await it")
        reason = "nothing in the body needs the event loop; FastAPI runs `def` in its threadpool"
        return FixPlan(self.strategy, True, reason + rewritten)

    def edit(self, context: FixContext, edits: FileEdits) -> None:
        edits.nodes.append(NodeEdit("FunctionDef", context.function.lineno, context.name_column(), _drop_async))
        key = _key(context)
        here = str(context.module.path)
        for path in sorted({c.path for c in context.callers if c.how in (AWAITED, RUN)}):
            if path != here:
                edits.caller_requests.add((path, key))
            elif rewrite_callers(context.module, context.lines, context.resolver, {key}, edits):
                raise Refusal("a call of it in this file cannot be rewritten")


def _key(context: FixContext) -> str:
    qualname = next(f.qualname for f in context.module.functions if f.node is context.function)
    return function_key(context.module.path, qualname)


def _check_callers(context: FixContext) -> str:
    """Refuse unless every use can change with the function; say which ones will."""
    if context.keep_async is not None:
        raise Refusal(context.keep_async)
    kept = [c for c in context.callers if c.how not in REWRITABLE]
    if kept:
        shown = ", ".join(c.where for c in kept[:3]) + (" ..." if len(kept) > 3 else "")
        if all(c.how == PATCHED for c in kept):
            raise Refusal(f"patched by name ({shown}); a test may replace it with a coroutine")
        raise Refusal(f"used as a coroutine ({shown}); that caller needs it async")
    here = str(context.module.path)
    if any(c.path == here and c.how in (AWAITED, RUN) for c in context.callers):
        from ..transform import FileEdits

        if rewrite_callers(context.module, context.lines, context.resolver, {_key(context)}, FileEdits()):
            raise Refusal("a call of it in this file cannot be rewritten (`run_in_threadpool` or `func=` taken)")
    awaited = [c.where for c in context.callers if c.how == AWAITED]
    run = [c.where for c in context.callers if c.how == RUN]
    notes = []
    if awaited:
        notes.append(f"callers that await it run it with `await run_in_threadpool(...)` ({', '.join(awaited)})")
    if run:
        notes.append(f"`asyncio.run(...)` callers call it directly ({', '.join(run)})")
    return "".join("; " + note for note in notes)


def _drop_async(original: cst.FunctionDef, updated: cst.FunctionDef) -> cst.FunctionDef:
    return updated.with_changes(asynchronous=None)


def _is_stream(context: FixContext) -> bool:
    """An async generator only ever handed to a streaming response (its uses are checked as callers)."""
    return context.kind is Kind.ROUTE and context.decorator_index is None and _has_yield(context.function)


def _has_yield(function: ast.AsyncFunctionDef | ast.FunctionDef) -> bool:
    return any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in iter_loop_nodes(function.body))


def _refuse_async_constructs(function: ast.AsyncFunctionDef | ast.FunctionDef, allow_yield: bool = False) -> None:
    for node in iter_loop_nodes(function.body):
        if isinstance(node, ast.Await):
            raise Refusal(f"awaits at line {node.lineno}; the function must stay async")
        if isinstance(node, (ast.AsyncWith, ast.AsyncFor)):
            raise Refusal(f"uses `async {'with' if isinstance(node, ast.AsyncWith) else 'for'}` at line {node.lineno}")
        if isinstance(node, ast.comprehension) and node.is_async:
            raise Refusal("uses an async comprehension")
        if isinstance(node, (ast.Yield, ast.YieldFrom)) and not allow_yield:
            raise Refusal(f"is an async generator (line {node.lineno}); a sync generator endpoint needs FastAPI >= 0.134")


def _refuse_loop_bound(context: FixContext) -> None:
    """Calls into asyncio/anyio/trio, or on objects they made, need the running loop (F7.4).

    Exception classes (``except asyncio.TimeoutError``) and other plain
    references are fine: only calls are checked.
    """
    for node in iter_loop_nodes(context.function.body):
        if not isinstance(node, ast.Call):
            continue
        name = qualified_name(node.func, context.scope)
        if name and name.split(".", 1)[0] in _LOOP_MODULES and "." in name and name not in _LOOP_SAFE:
            raise Refusal(f"calls `{name}` (line {node.lineno}), which needs the running event loop")
        if isinstance(node.func, ast.Attribute):
            made_by = _made_by(node.func.value, context)
            if made_by and made_by.split(".", 1)[0] in _LOOP_MODULES:
                raise Refusal(f"uses an object made by `{made_by}` (line {node.lineno}), bound to the event loop")
            if node.func.attr == "set" and made_by == "contextvars.ContextVar":
                raise Refusal(f"sets a ContextVar (line {node.lineno}); the value would be lost in a worker thread")


def _made_by(expr: ast.expr, context: FixContext) -> str | None:
    """The callee that produced the object a name holds (``lock = asyncio.Lock()``)."""
    if not isinstance(expr, ast.Name):
        return None
    found = context.scope.lookup(expr.id)
    if found is None:
        return None
    owner, bindings = found
    for binding in bindings:
        if binding.kind == "value" and isinstance(binding.node, ast.Call):
            name = qualified_name(binding.node.func, owner)
            if name is not None:
                return name
    return None
