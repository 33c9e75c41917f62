"""Function definitions with their scopes, at any depth, in source order.

Each :class:`DefinedFunction` knows the scope it is defined in (for resolving
its decorators and its name), its own scope (for its body), its dotted name
inside the module (``Store.get``, ``create_app.index``) and, for a method, the
class it belongs to, so ``self`` gets a type.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from .children import child_nodes, walk_nodes
from .lazy_bodies import unread_plain
from .scope import Binding, FunctionNode, Scope, function_scope


class DefinedFunction:
    """A function definition; its own scope is built only when something asks for it.

    Most functions of a large module are never looked into (only async ones
    and the helpers they call are), so building every scope up front would
    cost time and memory for nothing.
    """

    __slots__ = ("_module_scope", "_parent", "_scope", "node", "owner_class", "qualname")

    def __init__(
        self,
        node: FunctionNode,
        qualname: str,
        owner_class: str | None,
        parent: DefinedFunction | None,
        module_scope: Scope,
    ) -> None:
        self.node = node
        self.qualname = qualname
        #: Qualname (inside the module) of the class whose body defines this method.
        self.owner_class = owner_class
        self._parent = parent
        self._module_scope = module_scope
        self._scope: Scope | None = None

    @property
    def parent(self) -> DefinedFunction | None:
        """The function this one is defined in (``None`` at module or class level)."""
        return self._parent

    @property
    def enclosing(self) -> Scope:
        """The scope the function is defined in (class bodies do not count, as in Python)."""
        return self._parent.scope if self._parent is not None else self._module_scope

    @property
    def scope(self) -> Scope:
        if self._scope is None:
            enclosing = self.enclosing
            scope = function_scope(self.node, enclosing)
            if self.owner_class is not None:
                owner = f"{enclosing.module}.{self.owner_class}" if enclosing.module else self.owner_class
                _bind_self(self.node, scope, owner)
            self._scope = scope
        return self._scope

    @property
    def is_async(self) -> bool:
        return isinstance(self.node, ast.AsyncFunctionDef)

    def __repr__(self) -> str:
        return f"DefinedFunction({self.qualname!r}, line {self.node.lineno})"


def decorator_names(node: FunctionNode) -> set[str]:
    """The last names of a function's decorators (``@app.get(...)`` -> ``get``)."""
    names = set()
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Name):
            names.add(target.id)
        elif isinstance(target, ast.Attribute):
            names.add(target.attr)
    return names


def iter_functions(
    body: list[ast.stmt],
    module_scope: Scope,
    prefix: str = "",
    owner_class: str | None = None,
    parent: DefinedFunction | None = None,
) -> Iterator[DefinedFunction]:
    """Every function defined in a body, at any depth, in source order."""
    for node in body:
        yield from _functions_in(node, module_scope, prefix, owner_class, parent)


def _functions_in(
    node: ast.AST, module_scope: Scope, prefix: str, owner_class: str | None, parent: DefinedFunction | None
) -> Iterator[DefinedFunction]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        qualname = f"{prefix}{node.name}"
        defined = DefinedFunction(node, qualname, owner_class, parent, module_scope)
        yield defined
        if not unread_plain(node):  # a body left unread that defines nothing stays so
            yield from iter_functions(node.body, module_scope, f"{qualname}.", None, defined)
        return
    if isinstance(node, ast.ClassDef):
        # Class bodies do not enclose their methods for name lookup.
        yield from iter_functions(node.body, module_scope, f"{prefix}{node.name}.", f"{prefix}{node.name}", parent)
        return
    for child in child_nodes(node):
        if isinstance(child, (ast.stmt, ast.ExceptHandler, ast.match_case)):
            yield from _functions_in(child, module_scope, prefix, owner_class, parent)


def _bind_self(node: FunctionNode, scope: Scope, class_name: str) -> None:
    """``self`` (or ``cls``) holds an instance (or the class) of the owner class."""
    if "staticmethod" in decorator_names(node):
        return
    positional = [*node.args.posonlyargs, *node.args.args]
    if positional:
        scope.bindings[positional[0].arg] = [Binding("instance", target=class_name)]


def generic_origin(expr: ast.expr) -> ast.expr:
    """``BaseDao`` of ``BaseDao[Entity]``: a generic class subscripted, in a class's bases or
    a call (``Executor[Model](...)``), is the class itself."""
    return expr.value if isinstance(expr, ast.Subscript) else expr


def callee_name(call: ast.Call) -> str:
    """``f`` of ``f(...)``, ``obj.f(...)`` or ``f[T](...)`` (a generic class); empty for any other callee."""
    func = generic_origin(call.func)
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def calls_in(node: ast.AST) -> Iterator[ast.Call]:
    """Every call anywhere under ``node``, nested functions included."""
    return (child for child in walk_nodes(node) if isinstance(child, ast.Call))
