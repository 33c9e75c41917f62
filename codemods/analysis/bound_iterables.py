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
    bound: dict[str, list[ast.expr]] = {}
    iterated: dict[str, bool] = {}  # name -> iterated asynchronously
    for node in nodes:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            bound.setdefault(node.targets[0].id, []).append(node.value)
        elif isinstance(node, (ast.For, ast.AsyncFor)) and isinstance(node.iter, ast.Name):
            iterated[node.iter.id] = isinstance(node, ast.AsyncFor)
        elif isinstance(node, ast.comprehension) and isinstance(node.iter, ast.Name):
            iterated[node.iter.id] = bool(node.is_async)
    by_async: set[int] = set()
    by_for: set[int] = set()
    for name, asynchronous in iterated.items():
        values = bound.get(name, [])
        if len(values) == 1 and isinstance(values[0], ast.Call):
            (by_async if asynchronous else by_for).add(id(values[0]))
    return by_async, by_for
