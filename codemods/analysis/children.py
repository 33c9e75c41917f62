"""The child nodes of an ``ast`` node, as ``ast.iter_child_nodes`` gives them, twice as fast;
and ``ast.walk`` on top of them.

The analysis walks every frame of every module it reads (the caller index, the
frames' node lists, the own-frame facts), tens of millions of child lookups on
a large application. ``ast.iter_child_nodes`` goes through a generator of
``(name, value)`` pairs for each node; reading the fields directly gives the
same nodes in the same order in half the time.
"""

from __future__ import annotations

import ast
from collections import deque
from collections.abc import Iterator

_AST = ast.AST


def child_nodes(node: ast.AST) -> list[ast.AST]:
    """``list(ast.iter_child_nodes(node))``."""
    found: list[ast.AST] = []
    for name in node._fields:
        value = getattr(node, name, None)
        if value.__class__ is list:
            found.extend([item for item in value if isinstance(item, _AST)])
        elif isinstance(value, _AST):
            found.append(value)
    return found


def walk_nodes(node: ast.AST) -> Iterator[ast.AST]:
    """What ``ast.walk`` yields (the node and everything under it, breadth first), in the same order."""
    todo = deque([node])
    while todo:
        node = todo.popleft()
        todo.extend(child_nodes(node))
        yield node
