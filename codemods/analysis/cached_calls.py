"""Calls of memoised functions: their body runs once, not on every request.

``@lru_cache def get_settings():`` reads its file the first time it is called and
hands back the same object ever after; ``@lru_cache def create_engine(url, pool):``
does the same for each distinct set of arguments. When a handler passes arguments
that are the same on every request (read from settings, module globals, constants),
the blocking work is a start-up cost of the process, not of the request, and is not
reported. Arguments taken from the handler's own parameters (request input) may be
new on any request (``load_model(body.model)``): those calls still block.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .children import walk_nodes
from .definitions import DefinedFunction, decorator_names
from .scope import Scope, parameter_binding, parameter_defaults

#: Whether a parameter's default (``Depends(get_settings)``, read in the given scope) hands
#: every call the same object.
SingletonDefault = Callable[[ast.expr, Scope], bool]

#: Decorators that memoise a function's result (``functools``, ``cachetools``).
CACHES = frozenset({"cache", "lru_cache", "cached_property", "cached"})
#: Past this many names followed back through local assignments, an argument counts as input.
_MAX_NAMES = 64


def memoised_without_arguments(function: DefinedFunction) -> bool:
    """``@lru_cache def get_settings():`` runs its body once per process."""
    args = function.node.args
    parameters = [*args.posonlyargs, *args.args, *args.kwonlyargs]
    if function.owner_class is not None and parameters:
        parameters = parameters[1:]
    if parameters or args.vararg or args.kwarg:
        return False
    return bool(decorator_names(function.node) & CACHES)


def runs_once(call: ast.Call, helper: DefinedFunction, scope: Scope, singleton: SingletonDefault | None = None) -> bool:
    """A call of a memoised ``helper`` whose arguments are the same on every call."""
    return bool(decorator_names(helper.node) & CACHES) and not from_input(call, scope, singleton)


def from_input(call: ast.Call, scope: Scope, singleton: SingletonDefault | None = None) -> bool:
    """Whether a call's arguments may differ from call to call: they name a parameter of the
    calling function, a loop variable, or a local computed from one. A module's names,
    builtins and constants are the same on every call, and so is a parameter whose default
    ``singleton`` says provides one object to every call (``settings = Depends(get_settings)``,
    then ``load_index(settings.index_path)``)."""
    pending = [*call.args, *(k.value for k in call.keywords)]
    seen: set[int] = set()
    while pending:
        for node in walk_nodes(pending.pop()):
            if not isinstance(node, ast.Name) or id(node) in seen:
                continue
            seen.add(id(node))
            found = scope.lookup(node.id)
            if found is None or found[0].parent is None:
                continue
            if singleton is not None and _singleton_parameter(node.id, found[0], singleton):
                continue
            for binding in found[1]:
                if binding.kind != "value" or not isinstance(binding.node, ast.expr) or len(seen) > _MAX_NAMES:
                    return True
                pending.append(binding.node)
    return False


def _singleton_parameter(name: str, scope: Scope, singleton: SingletonDefault) -> bool:
    """``name`` is a parameter of the function ``scope`` belongs to (or of one around it) whose
    default ``singleton`` accepts."""
    parameter = parameter_binding(scope, name)
    function = parameter.node if parameter is not None else None
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    default = parameter_defaults(function.args).get(name)
    return default is not None and singleton(default, scope)
