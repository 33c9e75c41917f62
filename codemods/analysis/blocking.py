"""Find the blocking calls made directly in an async function's body.

A call counts when it runs on the event loop: not inside a nested ``def``,
``lambda`` or class, and not the direct operand of ``await`` (an awaited call
is an async API). A blocking function passed *as a value*
(``run_in_threadpool(requests.get, url)``) is not a call and is not reported.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from ..catalogue import BlockingApi, Catalogue
from .scope import Scope, qualified_name
from .types import expression_type


@dataclass(frozen=True)
class DirectCall:
    """A blocking API called directly in a function body."""

    api: BlockingApi
    #: How the call reads once resolved (``requests.get``, ``requests.Session.get``).
    name: str
    node: ast.Call


def iter_loop_nodes(body: list[ast.stmt]) -> Iterator[ast.AST]:
    """Every node of a body that runs in the function's own frame, in source order."""
    stack: list[ast.AST] = list(reversed(body))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            # Decorators and defaults run here; the body does not.
            children: list[ast.AST] = [*node.decorator_list]
            if not isinstance(node, ast.ClassDef):
                children += [d for d in (*node.args.defaults, *node.args.kw_defaults) if d is not None]
            stack.extend(reversed(children))
            continue
        if isinstance(node, ast.Lambda):
            stack.extend(reversed(node.args.defaults))
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


def resolve_call(call: ast.Call, scope: Scope, catalogue: Catalogue) -> tuple[BlockingApi, str] | None:
    """The catalogue entry a call hits, and the name it is reported under."""
    callee = qualified_name(call.func, scope)
    if callee is not None:
        callee = catalogue.canonical(callee)
        api = catalogue.api(callee)
        if api is not None:
            return api, callee
        return None
    if isinstance(call.func, ast.Attribute):
        owner = expression_type(call.func.value, scope, catalogue)
        if owner is not None:
            name = f"{owner}.{call.func.attr}"
            api = catalogue.api(name)
            if api is not None:
                return api, name
    return None


def direct_blocking_calls(body: list[ast.stmt], scope: Scope, catalogue: Catalogue) -> list[DirectCall]:
    awaited: set[int] = set()
    found: list[DirectCall] = []
    for node in iter_loop_nodes(body):
        if isinstance(node, ast.Await) and isinstance(node.value, ast.Call):
            awaited.add(id(node.value))
        elif isinstance(node, ast.Call) and id(node) not in awaited:
            hit = resolve_call(node, scope, catalogue)
            if hit is not None:
                found.append(DirectCall(api=hit[0], name=hit[1], node=node))
    return found
