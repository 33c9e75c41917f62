"""Which expressions hold a FastAPI or Starlette application or router.

A decorator registers a route only on an app (``@app.get``, ``@router.post``);
the app may be made right there (``FastAPI()``), kept on an object
(``self.app``), imported, returned by a factory, or an instance of a project
subclass of ``FastAPI``/``APIRouter``, whose class may itself come from a class
factory. Takes an expression and its scope, returns whether it is an app.
"""

from __future__ import annotations

import ast

from .children import walk_nodes
from .resolver import Resolver
from .scope import Scope
from .type_strings import members

APP_CLASSES = frozenset(
    {
        "fastapi.FastAPI", "fastapi.applications.FastAPI", "fastapi.APIRouter", "fastapi.routing.APIRouter",
        "starlette.applications.Starlette", "starlette.routing.Router",
        # Libraries' own subclasses: cadwyn's versioned app and router.
        "cadwyn.Cadwyn", "cadwyn.applications.Cadwyn", "cadwyn.VersionedAPIRouter", "cadwyn.routing.VersionedAPIRouter",
    }
)


class AppObjects:
    """Answers "is this an app?" for the registrations of one module."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver

    def is_app(self, expr: ast.AST, scope: Scope, depth: int = 0) -> bool:
        if depth > 6:
            return False
        if isinstance(expr, ast.Attribute) and expr.attr == "router" and self.is_app(expr.value, scope, depth + 1):
            return True
        if isinstance(expr, ast.Call):
            callee = self.resolver.qualified(expr.func, scope)
            return callee is not None and self.is_app_class(callee, depth)
        if isinstance(expr, ast.Attribute):
            # ``self.app`` assigned ``FastAPI()`` in ``__init__``.
            owner = self.resolver.type_of(expr.value, scope)
            attribute = self.resolver.attribute_type(owner, expr.attr) if owner is not None else None
            if attribute is not None and self.is_app_class(attribute, depth + 1):  # also a project subclass
                return True
        if isinstance(expr, ast.Name):
            found = scope.lookup(expr.id)
            if found is None:
                return False
            where, bindings = found
            if any(b.kind == "value" and b.node is not None and self.is_app(b.node, where, depth + 1) for b in bindings):
                return True
            if any(b.kind == "annotation" and b.node is not None
                   and self.resolver.qualified(b.node, where) in APP_CLASSES for b in bindings):
                return True
        if isinstance(expr, (ast.Name, ast.Attribute)):
            name = self.resolver.qualified(expr, scope)
            symbol = self.resolver.project_symbol(name) if name else None
            if symbol is not None and symbol.kind == "value" and symbol.node is not None and symbol.index is None:
                return self.is_app(symbol.node, symbol.module.scope, depth + 1)
        # Any other way a value gets its type (``public, private = make_routers()``, a parameter).
        typed = self.resolver.type_of(expr, scope) if isinstance(expr, (ast.Name, ast.Attribute)) else None
        return typed is not None and all(self.is_app_class(t, depth + 1) for t in members(typed))

    def is_app_class(self, name: str, depth: int = 0) -> bool:
        """``FastAPI``, a project subclass (``class UserRouter(APIRouter)``, also two levels down),
        an alias (``Router = APIRouter``) or what a class factory returns
        (``APIRouter = make_router_class(route_class)``, annotated ``-> type[APIRouter]`` or
        returning a class it defines)."""
        if name in APP_CLASSES:
            return True
        symbol = self.resolver.project_symbol(name)
        if symbol is None or depth > 6:
            return False
        if symbol.kind == "class":
            return bool(APP_CLASSES & set(self.resolver.external_bases(f"{symbol.module.name}.{symbol.qualname}")))
        if symbol.kind != "value" or symbol.index is not None:
            return False
        if isinstance(symbol.node, (ast.Name, ast.Attribute)):
            aliased = self.resolver.qualified(symbol.node, symbol.module.scope)
            return aliased is not None and self.is_app_class(aliased, depth + 1)
        if not isinstance(symbol.node, ast.Call):
            return False
        target = self.resolver.call_target(symbol.node, symbol.module.scope)
        factory = target.function if target is not None else None
        if factory is None:
            return False
        returns = factory.node.returns
        if isinstance(returns, ast.Constant) and isinstance(returns.value, str):
            try:
                returns = ast.parse(returns.value, mode="eval").body
            except SyntaxError:
                return False
        if isinstance(returns, ast.Subscript) and isinstance(returns.slice, (ast.Name, ast.Attribute)) and (
                self.resolver.qualified(returns.value, factory.enclosing) or "").rsplit(".", 1)[-1] in {"type", "Type"}:
            made = self.resolver.qualified(returns.slice, factory.enclosing)
            return made is not None and self.is_app_class(made, depth + 1)
        for node in walk_nodes(factory.node):
            if isinstance(node, ast.ClassDef) and any(
                    self.is_app_class(self.resolver.qualified(base, factory.scope) or "", depth + 1)
                    for base in node.bases):
                return any(isinstance(r, ast.Return) and isinstance(r.value, ast.Name) and r.value.id == node.name
                           for r in walk_nodes(factory.node))
        return False
