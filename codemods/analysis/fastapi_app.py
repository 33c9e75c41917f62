"""The one place that knows which callables FastAPI runs, and how.

FastAPI awaits ``async def`` callables on the event loop and runs ``def`` ones
in its threadpool (shared/research/fastapi_semantics.md F1-F6). This module
finds the functions a module registers with FastAPI: route and websocket
decorators on ``FastAPI()``/``APIRouter()`` instances (also ``app.router``),
``add_api_route``/``add_api_websocket_route`` calls. For a decorated function
it also records which decorator registered it: decorators *below* that one
wrap the function before FastAPI sees it (F6.4), which matters to the fixes.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from ..models import Kind
from .scope import FunctionNode, Scope, function_scope, qualified_name

APP_CLASSES = frozenset(
    {
        "fastapi.FastAPI",
        "fastapi.applications.FastAPI",
        "fastapi.APIRouter",
        "fastapi.routing.APIRouter",
    }
)
ROUTE_DECORATORS = frozenset({"get", "post", "put", "patch", "delete", "options", "head", "trace", "api_route"})
WEBSOCKET_DECORATORS = frozenset({"websocket"})
ROUTE_REGISTRARS = {"add_api_route": Kind.ROUTE, "add_api_websocket_route": Kind.WEBSOCKET}


@dataclass(frozen=True)
class Registration:
    """A function FastAPI runs, how it runs it, and the registering decorator's index."""

    function: FunctionNode
    kind: Kind
    decorator_index: int | None


@dataclass(frozen=True)
class DefinedFunction:
    """A function definition with the scope it is defined in and its own scope."""

    node: FunctionNode
    enclosing: Scope
    scope: Scope
    #: Dotted path of enclosing functions/classes, for messages (``Store.get``).
    qualname: str


def iter_functions(body: list[ast.stmt], enclosing: Scope, prefix: str = "") -> Iterator[DefinedFunction]:
    """Every function defined in a body, at any depth, in source order."""
    for node in body:
        yield from _functions_in(node, enclosing, prefix)


def _functions_in(node: ast.AST, enclosing: Scope, prefix: str) -> Iterator[DefinedFunction]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        scope = function_scope(node, enclosing)
        qualname = f"{prefix}{node.name}"
        yield DefinedFunction(node, enclosing, scope, qualname)
        yield from iter_functions(node.body, scope, f"{qualname}.")
        return
    if isinstance(node, ast.ClassDef):
        # Class bodies do not enclose their methods for name lookup.
        yield from iter_functions(node.body, enclosing, f"{prefix}{node.name}.")
        return
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.stmt, ast.ExceptHandler, ast.match_case)):
            yield from _functions_in(child, enclosing, prefix)


def _is_app(expr: ast.AST, scope: Scope) -> bool:
    """``app`` bound to ``FastAPI()``/``APIRouter()``, or ``app.router``."""
    if isinstance(expr, ast.Attribute) and expr.attr == "router":
        return _is_app(expr.value, scope)
    if isinstance(expr, ast.Call):
        return qualified_name(expr.func, scope) in APP_CLASSES
    if not isinstance(expr, ast.Name):
        return False
    found = scope.lookup(expr.id)
    if found is None:
        return False
    owner, bindings = found
    return any(
        b.kind == "value" and isinstance(b.node, ast.Call) and qualified_name(b.node.func, owner) in APP_CLASSES
        for b in bindings
    )


def _decorator_kind(decorator: ast.expr, scope: Scope) -> Kind | None:
    if not (isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Attribute)):
        return None
    method = decorator.func.attr
    if method not in ROUTE_DECORATORS and method not in WEBSOCKET_DECORATORS:
        return None
    if not _is_app(decorator.func.value, scope):
        return None
    return Kind.WEBSOCKET if method in WEBSOCKET_DECORATORS else Kind.ROUTE


def _registered_by_call(call: ast.Call, scope: Scope) -> tuple[str, Kind] | None:
    """``app.add_api_route(path, fn)`` / ``endpoint=fn`` -> (``fn``, kind)."""
    if not isinstance(call.func, ast.Attribute) or call.func.attr not in ROUTE_REGISTRARS:
        return None
    if not _is_app(call.func.value, scope):
        return None
    endpoint: ast.expr | None = call.args[1] if len(call.args) >= 2 else None
    for keyword in call.keywords:
        if keyword.arg == "endpoint":
            endpoint = keyword.value
    if isinstance(endpoint, ast.Name):
        return endpoint.id, ROUTE_REGISTRARS[call.func.attr]
    return None


def find_registrations(tree: ast.Module, module_scope: Scope, functions: list[DefinedFunction]) -> list[Registration]:
    """Every function of this module that FastAPI runs, with its kind."""
    found: dict[int, Registration] = {}
    by_name: dict[tuple[int, str], DefinedFunction] = {}
    for defined in functions:
        by_name[(id(defined.enclosing), defined.node.name)] = defined
        for index, decorator in enumerate(defined.node.decorator_list):
            kind = _decorator_kind(decorator, defined.enclosing)
            if kind is not None:
                # The lowest registering decorator is the one that sees the function first.
                found[id(defined.node)] = Registration(defined.node, kind, index)
    scopes = [(tree.body, module_scope)] + [(d.node.body, d.scope) for d in functions]
    for body, scope in scopes:
        for statement in body:
            for node in _shallow_calls(statement):
                hit = _registered_by_call(node, scope)
                if hit is None:
                    continue
                target = _lookup_function(hit[0], scope, by_name)
                if target is not None and id(target.node) not in found:
                    found[id(target.node)] = Registration(target.node, hit[1], None)
    return [found[key] for key in sorted(found, key=lambda k: _position(found[k].function))]


def _lookup_function(
    name: str, scope: Scope, by_name: dict[tuple[int, str], DefinedFunction]
) -> DefinedFunction | None:
    found = scope.lookup(name)
    if found is None:
        return None
    owner, bindings = found
    if len(bindings) != 1 or bindings[0].kind != "function":
        return None
    return by_name.get((id(owner), name))


def _shallow_calls(statement: ast.stmt) -> Iterator[ast.Call]:
    """Calls in a statement that are not inside a nested function or class."""
    stack: list[ast.AST] = [statement]
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(node, ast.Call):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def _position(node: ast.AST) -> tuple[int, int]:
    return getattr(node, "lineno", 0), getattr(node, "col_offset", 0)
