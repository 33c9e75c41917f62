"""Who calls the project's async functions, across the whole project (tests included).

Turning ``async def f`` into ``def f`` breaks every caller that awaits it,
gathers it or schedules it (fastapi_semantics.md F7.6), wherever it lives.
Pass 1 of the runner records every call of a project ``async def`` so the
planner can refuse the conversion (and keep the function async) when a
caller exists outside the function's own module.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from .project import ModuleInfo, function_key
from .resolver import Resolver
from .scope import Scope

#: Text that makes a file worth scanning for calls of async functions.
HINTS = (b"await", b"asyncio", b"anyio", b"AsyncMock", b"create_task", b"gather")


@dataclass(frozen=True)
class CallSite:
    """``key`` (a function) is called at ``path``:``line``."""

    key: str
    path: str
    line: int


def collect_call_sites(module: ModuleInfo, resolver: Resolver) -> list[CallSite]:
    found: list[CallSite] = []
    scopes: list[tuple[ast.AST, Scope]] = [(module.tree, module.scope)]
    scopes += [(f.node, f.scope) for f in module.functions]
    owners = {id(f.node) for f in module.functions}
    for root, scope in scopes:
        for node in _own_nodes(root, owners):
            if not isinstance(node, ast.Call) or not isinstance(node.func, (ast.Name, ast.Attribute)):
                continue
            target = resolver.call_target(node, scope)
            if target is None or target.function is None or target.module is None:
                continue
            if not target.function.is_async or target.module.path == module.path:
                continue
            key = function_key(target.module.path, target.function.qualname)
            found.append(CallSite(key, str(module.path), node.lineno))
    return found


def _own_nodes(root: ast.AST, owners: set[int]):  # type: ignore[no-untyped-def]
    """Nodes of one scope: nested functions are visited with their own scope."""
    stack = list(ast.iter_child_nodes(root)) if id(root) in owners else [root]
    while stack:
        node = stack.pop()
        if id(node) in owners:
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))
