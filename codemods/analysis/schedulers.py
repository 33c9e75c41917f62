"""Jobs an APScheduler ``AsyncIOScheduler`` runs on the server's event loop.

A FastAPI application often starts a scheduler in its lifespan or startup
handler. ``AsyncIOScheduler`` runs on the loop it was started in: its executor
awaits a coroutine job right there, and sends a plain ``def`` job to the loop's
default thread pool. So an ``async def`` job that blocks stalls every request
just as a handler does, and turning it into ``def`` moves its work to a thread,
as for a background task. The jobs are found where they are given to the
scheduler: ``scheduler.add_job(func, ...)`` (or ``func=``),
``@scheduler.scheduled_job(...)``, and ``scheduler.add_job(**job)`` inside a loop
over lists of job settings written as dict displays (``{"func": poll, ...}``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from .definitions import DefinedFunction
from .frames import iter_loop_nodes
from .modules import ModuleInfo
from .resolver import Resolver
from .scope import Scope
from .type_strings import members

SCHEDULERS = frozenset({"apscheduler.schedulers.asyncio.AsyncIOScheduler"})
_SHORT_NAME = b"AsyncIOScheduler"


def may_schedule(module: ModuleInfo) -> bool:
    """A cheap test on the text: the module gives jobs to a scheduler."""
    return b"add_job" in module.source or b"scheduled_job" in module.source


def scheduled_jobs(module: ModuleInfo, resolver: Resolver) -> Iterator[tuple[ast.expr, Scope]]:
    """The job callables given to an ``AsyncIOScheduler`` in this module, each with the
    scope its expression is read in."""
    frames: list[tuple[list[ast.stmt], Scope]] = [(module.tree.body, module.scope)]
    frames += [(f.node.body, f.scope) for f in module.functions]
    for body, scope in frames:
        loops: dict[str, list[ast.expr]] = {}
        for node in iter_loop_nodes(body):
            if isinstance(node, ast.For) and isinstance(node.target, ast.Name):
                loops.setdefault(node.target.id, []).append(node.iter)
        for call in (n for n in iter_loop_nodes(body) if isinstance(n, ast.Call)):
            if not (isinstance(call.func, ast.Attribute) and call.func.attr == "add_job"):
                continue
            if not _is_scheduler(call.func.value, scope, resolver, module):
                continue
            given = call.args[0] if call.args else None
            given = given or next((k.value for k in call.keywords if k.arg == "func"), None)
            if given is not None:
                yield given, scope
            for splat in (k.value for k in call.keywords if k.arg is None):
                for settings in loops.get(splat.id, ()) if isinstance(splat, ast.Name) else ():
                    yield from _funcs_in_settings(settings, scope, resolver)
    for function in module.functions:
        if any(_schedules(decorator, function, resolver, module) for decorator in function.node.decorator_list):
            yield ast.Name(function.node.name, ast.Load()), function.enclosing


def _schedules(decorator: ast.expr, function: DefinedFunction, resolver: Resolver, module: ModuleInfo) -> bool:
    return isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Attribute) \
        and decorator.func.attr == "scheduled_job" \
        and _is_scheduler(decorator.func.value, function.enclosing, resolver, module)


def _is_scheduler(expr: ast.expr, scope: Scope, resolver: Resolver, module: ModuleInfo) -> bool:
    """Typed as an ``AsyncIOScheduler``; or of no known type in a module that makes one
    (``app.state.scheduler = AsyncIOScheduler()``: attributes of library objects are not typed)."""
    found = resolver.type_of(expr, scope)
    if found is not None:
        return any(member in SCHEDULERS for member in members(found))
    return _SHORT_NAME in module.source


def _funcs_in_settings(expr: ast.expr, scope: Scope, resolver: Resolver, depth: int = 0,
                       ) -> Iterator[tuple[ast.expr, Scope]]:
    """The ``"func"`` values of the dict displays a list of job settings holds: a list display,
    a name or attribute bound to one (also in another module), or a sum of those."""
    if depth > 4:
        return
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        yield from _funcs_in_settings(expr.left, scope, resolver, depth + 1)
        yield from _funcs_in_settings(expr.right, scope, resolver, depth + 1)
    elif isinstance(expr, (ast.List, ast.Tuple)):
        for element in expr.elts:
            if isinstance(element, ast.Dict):
                yield from ((v, scope) for k, v in zip(element.keys, element.values)
                            if isinstance(k, ast.Constant) and k.value == "func")
    elif isinstance(expr, (ast.Name, ast.Attribute)):
        name = resolver.qualified(expr, scope)
        symbol = resolver.project_symbol(name) if name else None
        if symbol is not None and symbol.kind == "value" and isinstance(symbol.node, ast.expr):
            yield from _funcs_in_settings(symbol.node, symbol.module.scope, resolver, depth + 1)
