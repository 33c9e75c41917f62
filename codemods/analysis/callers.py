"""Who calls the project's async functions, across the whole project (tests included).

Turning ``async def f`` into ``def f`` breaks every caller that awaits it,
gathers it or schedules it (fastapi_semantics.md F7.6), wherever it lives.
Once the registry is known, a pass over the files whose text mentions a
registered function's name records its calls, so the planner can refuse the
conversion (and keep the function async) when a caller exists outside the
function's own module.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from .project import ModuleInfo
from .resolver import Resolver


@dataclass(frozen=True)
class CallSite:
    """A call of something named ``name`` at ``path``:``line``.

    ``qualified`` is the callee's dotted name when it resolves through imports
    alone (``app.deps.current_user``); ``None`` for a method call on a value
    (``self.store.get(...)``). Resolving types here would cost more than the
    whole rest of pass 1; the planner resolves only the few names it needs.
    """

    name: str
    qualified: str | None
    path: str
    line: int


def collect_call_sites(module: ModuleInfo, resolver: Resolver, names: frozenset[str]) -> list[CallSite]:
    """Calls of anything named in ``names`` (the functions FastAPI runs), anywhere in ``module``.

    Names are qualified with the module's imports only: a local variable that
    shadows an import makes an extra caller, which only errs on the safe side
    (a conversion refused).
    """
    found: list[CallSite] = []
    for node in ast.walk(module.tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        if name in names:
            found.append(CallSite(name, resolver.qualified(func, module.scope), str(module.path), node.lineno))
    return found
