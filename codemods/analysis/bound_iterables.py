"""Generators a frame binds to a name and then iterates.

``response = generate_audio(text)`` then ``async for _ in response: pass`` runs the
async generator's body in the frame, as ``async for _ in generate_audio(text)`` would:
the call is counted as entered (awaited) there, and a plain generator bound and then
iterated by ``for`` as consumed. A name bound more than once is left alone.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable


def iterated_bindings(nodes: Iterable[ast.AST]) -> tuple[set[int], set[int]]:
    """Ids of the calls bound to a name the frame iterates: (by ``async for``, by ``for``).
    ``nodes``: the frame's nodes that run (a loop after ``if streaming: return response``
    does not, for a call that passes ``streaming=True``)."""
    nodes = list(nodes)
    bound = names_bound_to_calls(nodes)
    by_async: set[int] = set()
    by_for: set[int] = set()
    for node in nodes:
        if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)) and isinstance(node.iter, ast.Name) \
                and node.iter.id in bound:
            asynchronous = isinstance(node, ast.AsyncFor) or isinstance(node, ast.comprehension) and node.is_async
            (by_async if asynchronous else by_for).add(id(bound[node.iter.id]))
    return by_async, by_for


def names_bound_to_calls(nodes: Iterable[ast.AST]) -> dict[str, ast.Call]:
    """``entries = os.listdir(d)``: the names among ``nodes`` assigned once, and to a call."""
    return {name: value for name, value in names_bound_once(nodes).items() if isinstance(value, ast.Call)}


def names_bound_once(nodes: Iterable[ast.AST]) -> dict[str, ast.expr]:
    """The names among ``nodes`` assigned once (by a plain ``name = value``), with their value."""
    bound: dict[str, ast.expr | None] = {}
    for node in nodes:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            bound[name] = node.value if name not in bound else None
    return {name: value for name, value in bound.items() if value is not None}
