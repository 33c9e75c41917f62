"""Methods called by name: ``fn = getattr(db, method_name); fn(*args)``.

A helper that takes the name of a method and looks it up on an object
(``await _db_call("get_approval", approval_id)``) runs the methods its callers
name. The name is a string literal, either right in the ``getattr`` or passed
for one of the helper's parameters by its callers; each literal names a method
of the object's type, and the call may run any of them, so it blocks when one
of them does. A name computed at run time (``getattr(self, action.kind)``)
names nothing known and resolves to nothing.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from .classes import CallTarget
from .scope import Scope, parameter_binding

if TYPE_CHECKING:
    from .resolver import Resolver

#: Past this many method names, a dispatching helper is left unresolved.
_MAX_NAMES = 16


def getattr_parts(expr: ast.AST | None, scope: Scope) -> tuple[ast.expr, ast.expr] | None:
    """``getattr(obj, name)`` or ``getattr(obj, name, default)`` (the builtin): ``(obj, name)``."""
    if not (isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id == "getattr"):
        return None
    if expr.keywords or not 2 <= len(expr.args) <= 3 or scope.lookup("getattr") is not None:
        return None
    return expr.args[0], expr.args[1]


def dispatched(resolver: Resolver, lookup: ast.Call, scope: Scope) -> CallTarget | None:
    """What calling the result of ``lookup`` (a ``getattr`` read in ``scope``) runs."""
    parts = getattr_parts(lookup, scope)
    if parts is None:
        return None
    receiver, key = parts
    names = _method_names(resolver, key, scope)
    owner = resolver.type_of(receiver, scope) if names else None
    if owner is None:
        return None
    targets = [t for t in (resolver.method(owner, name) for name in names) if t is not None]
    if len(targets) <= 1:
        return targets[0] if targets else None
    return CallTarget(targets[0].name, alternatives=tuple(targets))


def _method_names(resolver: Resolver, key: ast.expr, scope: Scope) -> list[str]:
    if isinstance(key, ast.Constant) and isinstance(key.value, str):
        return [key.value]
    parameter = parameter_binding(scope, key.id) if isinstance(key, ast.Name) else None
    function = resolver.index.defined(parameter.node) if parameter is not None and parameter.node else None
    if parameter is None or function is None:
        return []
    index, name = parameter.target.split(":", 1)
    names = {value.value for value, _caller in resolver.arguments.passed(function, name, int(index))
             if isinstance(value, ast.Constant) and isinstance(value.value, str)}
    return sorted(names) if len(names) <= _MAX_NAMES else []
