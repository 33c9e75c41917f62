"""The value a dict display holds for one literal key: ``handlers["update-chunk"]``.

A factory that returns ``{"ingest-files": ingest_files, "update-chunk": update_chunk}``
and a caller that runs ``workflows["update-chunk"](request)`` runs ``update_chunk`` only,
not whichever of the dict's values blocks. When the dict is a display the code can see (in
the name's one assignment, or in every ``return`` of the project function that made it)
and every such display names the key, the subscript's type is what those entries hold.
Anything less certain (a ``**spread``, a key some display lacks, a dict filled elsewhere)
answers ``None``, and the caller falls back to the union of all the dict's values.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .resolver import Resolver
    from .scope import Scope

#: Displays followed through at most this many ``return`` statements of a factory.
_MAX_RETURNS = 8
#: Factories followed at most this deep (``def f(): x = g(); return x``, ``g`` likewise...).
_MAX_FACTORIES = 4


def keyed_values(resolver: Resolver, container: ast.expr, key: str, scope: Scope,
                 depth: int) -> list[tuple[ast.expr, Scope]] | None:
    """The expressions the dict ``container`` holds under ``key``, each with its scope."""
    displays = _displays(resolver, container, scope, depth)
    if not displays:
        return None
    found: list[tuple[ast.expr, Scope]] = []
    for display, where in displays:
        if any(k is None for k in display.keys):
            return None  # ``{**base, ...}``: the key may come from the spread
        values = [v for k, v in zip(display.keys, display.values)
                  if isinstance(k, ast.Constant) and k.value == key]
        if not values:
            return None
        found.append((values[-1], where))
    return found


def _displays(resolver: Resolver, container: ast.expr, scope: Scope, depth: int,
              factories: int = 0) -> list[tuple[ast.Dict, Scope]]:
    if isinstance(container, ast.Dict):
        return [(container, scope)]
    if not isinstance(container, ast.Name) or factories > _MAX_FACTORIES:
        return []  # a factory that returns what it (or another) returns, round and round: unknown
    found = scope.lookup(container.id)
    if found is None or len(found[1]) != 1 or found[1][0].kind != "value":
        return []
    where, (binding,) = found
    value = binding.node
    if isinstance(value, ast.Dict):
        return [] if container.id in where.item_sets else [(value, where)]
    if not isinstance(value, ast.Call):
        return []
    target = resolver.call_target(value, where, depth + 1)
    function = target.function if target is not None else None
    if function is None:
        return []
    returned = resolver.declared.returned_values(function)
    displays: list[tuple[ast.Dict, Scope]] = []
    for item in returned[:_MAX_RETURNS]:
        made = _displays(resolver, item, function.scope, depth + 1, factories + 1) if item is not None else []
        if len(made) != 1:
            return []
        displays += made
    return displays if len(returned) <= _MAX_RETURNS else []
