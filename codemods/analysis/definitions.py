"""Function definitions with their scopes, at any depth, in source order.

Each :class:`DefinedFunction` knows the scope it is defined in (for resolving
its decorators and its name), its own scope (for its body), its dotted name
inside the module (``Store.get``, ``create_app.index``) and, for a method, the
class it belongs to, so ``self`` gets a type.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from .scope import Binding, FunctionNode, Scope, function_scope


@dataclass(frozen=True)
class DefinedFunction:
    node: FunctionNode
    enclosing: Scope
    scope: Scope
    qualname: str
    #: Qualname (inside the module) of the class whose body defines this method.
    owner_class: str | None = None

    @property
    def is_async(self) -> bool:
        return isinstance(self.node, ast.AsyncFunctionDef)


def _decorator_names(node: FunctionNode) -> set[str]:
    names = set()
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Name):
            names.add(target.id)
        elif isinstance(target, ast.Attribute):
            names.add(target.attr)
    return names


def iter_functions(
    body: list[ast.stmt], enclosing: Scope, prefix: str = "", owner_class: str | None = None
) -> Iterator[DefinedFunction]:
    for node in body:
        yield from _functions_in(node, enclosing, prefix, owner_class)


def _functions_in(node: ast.AST, enclosing: Scope, prefix: str, owner_class: str | None) -> Iterator[DefinedFunction]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        scope = function_scope(node, enclosing)
        if owner_class is not None:
            _bind_self(node, scope, f"{enclosing.module}.{owner_class}" if enclosing.module else owner_class)
        qualname = f"{prefix}{node.name}"
        yield DefinedFunction(node, enclosing, scope, qualname, owner_class)
        yield from iter_functions(node.body, scope, f"{qualname}.")
        return
    if isinstance(node, ast.ClassDef):
        # Class bodies do not enclose their methods for name lookup.
        yield from iter_functions(node.body, enclosing, f"{prefix}{node.name}.", f"{prefix}{node.name}")
        return
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.stmt, ast.ExceptHandler, ast.match_case)):
            yield from _functions_in(child, enclosing, prefix, owner_class)


def _bind_self(node: FunctionNode, scope: Scope, class_name: str) -> None:
    """``self`` (or ``cls``) holds an instance (or the class) of the owner class."""
    if "staticmethod" in _decorator_names(node):
        return
    positional = [*node.args.posonlyargs, *node.args.args]
    if positional:
        scope.bindings[positional[0].arg] = [Binding("instance", target=class_name)]
