"""What an ``await`` can run: not a plain ``def`` whose result cannot be awaited.

``await x.method()`` raises ``TypeError`` when ``method`` is a plain ``def``
returning a dict or ``None``, so in code that works that line runs only where
``x`` is the async kind: ``if isinstance(db, AsyncBaseDb): await db.get(...)``
with the sync database handed to the threadpool on the other branch. Where the
receiver may be either (a union, or an object that is only ever passed the sync
kind in a branch meant for the async one), the sync methods are not what the
``await`` runs, and their blocking calls are not counted there. A plain
``def`` that may return an awaitable (``return self._client.get(url)``, a
return annotation naming ``Awaitable``) still counts: its body runs on the loop.
"""

from __future__ import annotations

import ast

from .classes import CallTarget

#: Names in a return annotation that say the result may be awaited.
_AWAITABLE_NAMES = ("Awaitable", "Coroutine", "Future", "Task", "Any")
_PLAIN_VALUES = (ast.Constant, ast.Dict, ast.List, ast.Tuple, ast.Set, ast.JoinedStr, ast.Compare, ast.BoolOp,
                 ast.BinOp, ast.DictComp, ast.ListComp, ast.SetComp, ast.GeneratorExp)


def awaitable(alternatives: tuple[CallTarget, ...], awaited: bool) -> tuple[CallTarget, ...]:
    """The alternatives an ``await`` can run: where some are ``async def``, not the sync ones."""
    if not awaited or not any(_runs_async(alt) for alt in alternatives):
        return alternatives
    return tuple(alt for alt in alternatives if not _runs_sync(alt))


def may_be_awaited(target: CallTarget) -> bool:
    """Whether awaiting what ``target`` returns can work (unknown: yes)."""
    function = target.function
    if function is None or function.is_async or target.alternatives:
        return True
    node = function.node
    if node.returns is not None:
        text = ast.unparse(node.returns)
        return any(name in text for name in _AWAITABLE_NAMES)
    values = [n.value for n in ast.walk(node) if isinstance(n, ast.Return) and n.value is not None]
    return not all(isinstance(value, _PLAIN_VALUES) for value in values) if values else False


def _runs_async(target: CallTarget) -> bool:
    if target.function is not None:
        return target.function.is_async
    return any(_runs_async(alt) for alt in target.alternatives)


def _runs_sync(target: CallTarget) -> bool:
    if target.function is not None:
        return not target.function.is_async
    return bool(target.alternatives) and all(_runs_sync(alt) for alt in target.alternatives)
