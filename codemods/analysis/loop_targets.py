"""What each name of a loop's tuple target holds, where the iterable says it.

``for i, upload in enumerate(files)``, ``for name, store in stores.items()`` and
``for user, client in zip(users, clients)`` bind names to the elements of a
container the analysis may know the type of: the second name of ``enumerate``,
the value of ``.items()``, each name of ``zip`` its own argument. The answer is
the expression a loop over which would bind the name alike, for the resolver's
``element`` binding; names it cannot tell stay unknown. A comprehension's names
are typed the same way, by what it iterates.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .resolver import Resolver
    from .scope import Scope


#: Builtins whose result holds the elements of the one iterable they are given.
_REORDERING = frozenset({"reversed", "sorted", "list", "tuple", "iter"})


def loop_elements(target: ast.expr, iterable: ast.expr) -> dict[str, ast.expr]:
    """Name -> the container it takes an element of (``.items()`` values as ``x.values()``); a
    name alone takes the elements of the iterable itself."""
    while isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Name) and len(iterable.args) == 1 \
            and iterable.func.id in _REORDERING:
        iterable = iterable.args[0]  # ``for m in reversed(self.middlewares)``: the same elements
    if isinstance(target, ast.Name):
        return {target.id: iterable}
    if not isinstance(target, (ast.Tuple, ast.List)):
        return {}
    names = target.elts
    if not isinstance(iterable, ast.Call) or iterable.keywords or any(isinstance(a, ast.Starred) for a in iterable.args):
        return {}
    func, args = iterable.func, iterable.args
    if isinstance(func, ast.Name) and func.id == "enumerate" and len(args) == 1 and len(names) == 2:
        return _named({1: args[0]}, names)
    if isinstance(func, ast.Name) and func.id == "zip" and len(args) == len(names):
        return _named(dict(enumerate(args)), names)
    if isinstance(func, ast.Attribute) and func.attr == "items" and not args and len(names) == 2:
        values = ast.copy_location(ast.Call(func=ast.Attribute(value=func.value, attr="values", ctx=ast.Load()),
                                            args=[], keywords=[]), iterable)
        return _named({1: values}, names)
    return {}


def _named(containers: dict[int, ast.expr], names: list[ast.expr]) -> dict[str, ast.expr]:
    return {name.id: containers[index] for index, name in enumerate(names)
            if index in containers and isinstance(name, ast.Name)}


def comprehension_types(resolver: Resolver, name: str, scope: Scope, depth: int) -> list[str]:
    """What a name a comprehension binds may hold (``[check() for check in CHECKS]``, ``[s.get(u)
    for s in sessions]``): the elements of what it iterates, read in the scope that iterates."""
    owner: Scope | None = scope
    while owner is not None and name not in owner.comprehension_targets:
        owner = owner.parent
    if owner is None:
        return []
    return [t for t in (resolver.element_type(i, owner, depth + 1) for i in owner.comprehension_targets[name]) if t]
