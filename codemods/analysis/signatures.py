"""Calls a function's signature cannot take: they raise ``TypeError`` before its body runs.

``connector_service.get_connector(kind, user_id)`` where ``get_connector(self, kind)``
takes one argument never reaches the connector it would build: what that body
blocks on is not the call's. Only what is certain counts: a keyword the function
does not name (and no ``**kwargs``), or more positional arguments than it takes
(and no ``*args``) where it is known whether ``self`` is bound. A call that unpacks
``*args`` or ``**kwargs``, and a function a decorator may have re-shaped, are
left alone.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from .definitions import DefinedFunction, decorator_names

if TYPE_CHECKING:
    from .resolver import Resolver
    from .scope import Scope

#: Methods a generated ``__init__`` calls after it sets the fields: the constructor's arguments
#: are the fields', not theirs.
POST_INIT_HOOKS = ("__post_init__", "__attrs_post_init__", "model_post_init")
#: Decorators that keep the signature callers see (``self``/``cls`` aside).
_SIGNATURE_KEPT = frozenset({"staticmethod", "classmethod", "abstractmethod", "override", "final"})


def cannot_bind(call: ast.Call, function: DefinedFunction, resolver: Resolver, scope: Scope | None) -> bool:
    """``call`` raises ``TypeError`` on entering ``function``."""
    node = function.node
    if node.name in POST_INIT_HOOKS:
        return False
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        return False
    decorators = decorator_names(node)
    if decorators - _SIGNATURE_KEPT:
        return False
    args = node.args
    if args.kwarg is None:
        named = {a.arg for a in (*args.args, *args.kwonlyargs)}
        if any(k.arg not in named for k in call.keywords):
            return True
    if args.vararg is not None or scope is None:
        return False
    implicit = _passes_first(call, function, decorators, resolver, scope)
    if implicit is None:
        return False
    return len(call.args) > len(args.posonlyargs) + len(args.args) - (1 if implicit else 0)


def _passes_first(call: ast.Call, function: DefinedFunction, decorators: set[str], resolver: Resolver,
                  scope: Scope) -> bool | None:
    """Whether Python passes the first parameter (``self``, ``cls``) itself: ``None`` when unknown."""
    func = call.func
    named = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    if function.owner_class is None:
        # A module's function, called by its name or through its module (not a value holding it).
        return False if named == function.node.name and resolver.qualified(func, scope) is not None else None
    if "staticmethod" in decorators:
        return False
    if "classmethod" in decorators or function.node.name == "__init__" and named != "__init__":
        return True  # ``cls``, or ``self`` of the object a constructor call makes
    if not isinstance(func, ast.Attribute):
        return None
    receiver = func.value
    if isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Name) and receiver.func.id == "super":
        return True
    name = resolver.qualified(receiver, scope)
    symbol = resolver.project_symbol(name) if name else None
    if symbol is not None and isinstance(symbol.node, ast.ClassDef):
        return False  # ``Base.method(self, ...)``: unbound, ``self`` passed by hand
    return True if resolver.type_of(receiver, scope) is not None else None
