"""What an ``await`` can run: not a plain ``def`` whose result cannot be awaited.

``await x.method()`` raises ``TypeError`` when ``method`` is a plain ``def``
returning a dict or ``None``, so in code that works that line runs only where
``x`` is the async kind: ``if isinstance(db, AsyncBaseDb): await db.get(...)``
with the sync database handed to the threadpool on the other branch. Where the
receiver may be either (a union, an object only ever passed the sync kind in a
branch meant for the async one, a method looked up by name), the sync methods
are not what the ``await`` runs, and their blocking calls are not counted
there. A plain ``def`` that returns what a project ``async def`` gives
(``def arun(self): return arun_dispatch(self)``, whatever its annotation says)
still counts: its body runs on the loop before the ``await``.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from .classes import CallTarget
from .definitions import DefinedFunction
from .made_functions import own_returns

if TYPE_CHECKING:
    from .resolver import Resolver

def awaitable(alternatives: tuple[CallTarget, ...], awaited: bool, resolver: Resolver) -> tuple[CallTarget, ...]:
    """The alternatives an ``await`` can run: where some are ``async def``, not the plain
    ``def`` ones, unless one returns a coroutine it makes (``return arun_dispatch(self)``)."""
    if not awaited or not any(_runs_async(alt) for alt in alternatives):
        return alternatives
    return tuple(alt for alt in alternatives if not cannot_be_awaited(alt, resolver))


def _returns_coroutine(function: DefinedFunction, resolver: Resolver) -> bool:
    """A plain ``def`` that returns what an ``async def`` of the project gives when called,
    directly or through other plain ``def`` s that do (``arun`` -> ``arun_dispatch``). Kept in
    a memo of the resolver's, so a cycle of such ``def`` s gives the same answer whichever
    of them is asked first (see :mod:`.memo`)."""
    return resolver.coroutine_returning.get(id(function.node), lambda: _returned_coroutine(function, resolver), False)


def _returned_coroutine(function: DefinedFunction, resolver: Resolver) -> bool:
    for value in own_returns(function.node.body):
        called = resolver.call_target(value, function.scope) if isinstance(value, ast.Call) else None
        if called is None:
            continue
        if _runs_async(called):
            return True
        if called.function is not None and called.function is not function \
                and _returns_coroutine(called.function, resolver):
            return True
    return False


def cannot_be_awaited(target: CallTarget, resolver: Resolver) -> bool:
    """A plain ``def`` (or only plain ones) whose result is not a coroutine it makes: awaiting
    it raises, so an ``await`` of it is a branch working code never takes there."""
    if target.function is not None:
        return not target.function.is_async and not _returns_coroutine(target.function, resolver)
    return bool(target.alternatives) and all(cannot_be_awaited(alt, resolver) for alt in target.alternatives)


def _runs_async(target: CallTarget) -> bool:
    if target.function is not None:
        return target.function.is_async
    return any(_runs_async(alt) for alt in target.alternatives)
