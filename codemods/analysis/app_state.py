"""What ``request.app.state.NAME`` and ``request.state.NAME`` hold.

Starlette's ``State`` is a bag of attributes, and applications keep their
clients there: ``app.state.cache = Redis(...)`` in the lifespan or a startup
handler, then ``request.app.state.cache.get(key)`` in a route; a middleware
puts a session on ``request.state.db`` for the routes after it. Nothing
declares those attributes, so, as for a module global that starts as ``None``,
``state.NAME`` holds the union of what every assignment to
``<app or connection>.state.NAME`` in the project gives, wherever it is.

The assignments are found by a text search for ``state.NAME`` (no other file is
parsed). An assignment counts when the object whose ``state`` it sets is an
application, a request or a websocket: by its type, or, untyped, by its name
(``async def lifespan(app):``).
"""

from __future__ import annotations

import ast

from .declared import own_nodes
from .definitions import DefinedFunction
from .lazy_bodies import unread_names
from .modules import ModuleInfo

#: The type of ``app.state`` and ``request.state`` (see ``catalogue/frameworks.py``).
STATE = "starlette.datastructures.State"
#: Untyped names taken for an application or a connection when they own a ``state``.
_OWNER_NAMES = frozenset({"app", "application", "request", "websocket", "connection", "conn"})


#: ``(owner, value, function)`` of an assignment ``owner.state.NAME = value``; ``function`` is the
#: one whose frame reads ``value`` (``None``: the module's), its scope built only when asked.
StateAssignment = tuple[ast.expr, ast.expr, DefinedFunction | None]


def state_assignments(module: ModuleInfo) -> dict[str, list[StateAssignment]]:
    """Every ``owner.state.NAME = value`` of the module, by ``NAME``: one walk of the module
    answers every attribute (an application's routes ask for dozens)."""
    found: dict[str, list[StateAssignment]] = {}
    frames: list[tuple[list[ast.stmt], DefinedFunction | None]] = [(module.tree.body, None)]
    # A function whose body nothing has read and whose lines never say ``state`` is left unparsed.
    frames += [(function.node.body, function) for function in module.functions
               if not unread_names(function.node, "state")]
    for body, function in frames:
        for node in own_nodes(body):
            if isinstance(node, ast.Assign):
                targets, value = node.targets, node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                targets, value = [node.target], node.value
            else:
                continue
            for target in targets:
                if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Attribute) \
                        and target.value.attr == "state":
                    found.setdefault(target.attr, []).append((target.value.value, value, function))
    return found


def owner_by_name(owner: ast.expr) -> bool:
    """``app.state``, ``request.state``, ``self.app.state``: named like an app or a connection."""
    name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else ""
    return name in _OWNER_NAMES

