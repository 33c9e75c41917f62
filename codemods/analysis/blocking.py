"""Find what blocks the event loop in an async function: directly or through helpers.

A call counts when it runs in the function's own frame: not inside a nested
``def``, ``lambda`` or class. A blocking function passed *as a value*
(``run_in_threadpool(requests.get, url)``, ``add_task(send_mail)``) is not a
call. A catalogue API that is awaited is an async API and is skipped.

Calls to the project's own functions are followed: a sync helper runs on the
loop when called from async code, and so does an async helper's body when it
is awaited (or gathered). What each function reaches is computed once
(memoised), with cycles cut, to any depth the code has; a path that goes round a
cycle is dropped (see ``_round_a_cycle``), so what is reported does not depend on
the order functions are analysed in.

Loops that read as they iterate count too: see :mod:`.direct_calls`.
Once-only start-up code is left out: see :mod:`.lazy_init`.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from typing import NamedTuple

from .awaitables import awaitable, cannot_be_awaited
from .cached_calls import memoised_without_arguments, runs_once
from .call_context import CallContext
from .classes import CallTarget
from .decorators import wrappers
from .definitions import DefinedFunction
from .direct_calls import DirectCall, FrameLoops
from .frames import (
    FRESH_SELF,
    RESULT_AWAITED,
    Known,
    dropped_calls,
    frame_yields,
    iter_calls,
    iter_calls_consumed,
    iter_loop_nodes,
    spawned_calls,
)
from .hierarchy import is_abstract
from .implicit import ImplicitCalls
from .iteration import lazy_iterations
from .kept_paths import KeptPaths
from .lazy_bodies import unread_names
from .libraries import LIBRARY_DEPTH, LibraryCalls
from .resolver import Resolver
from .scope import Scope
from .signatures import cannot_bind
from .summaries import LibrarySummaries, Reached

#: A library is followed until this depth (entered at ``_MAX_DEPTH - LIBRARY_DEPTH``).
_MAX_DEPTH = 16
#: The project's own functions are followed to any depth; this only keeps the recursion
#: within Python's (see :func:`_room_to_recurse`). Real chains are a few dozen calls at most.
_MAX_STACK = 200
#: Each call followed costs a few Python frames, and resolving a name some more.
_RECURSION_LIMIT = 20 * _MAX_STACK + 2000
_NO_CUT = 1 << 30


class _Partial(NamedTuple):
    """An answer cut short at a function still being computed (a cycle through it)."""

    answer: tuple[Reached, ...]
    #: The stack position it was cut at, and that entry's number in ``_live``: the answer
    #: stands while that same computation runs.
    cut: int
    live: int
    #: The depth it was computed at when the depth bound cut it (reused only as deep or
    #: deeper), else 0.
    depth: int


def is_generator(function: DefinedFunction) -> bool:
    return not unread_names(function.node, "yield") and frame_yields(function.node.body)


class BlockingAnalysis(FrameLoops, LibraryCalls, ImplicitCalls, CallContext):
    """Blocking calls of functions, memoised per function for the whole run."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self._memo: dict[tuple[int, Known], tuple[Reached, ...]] = {}
        #: The calls being computed (function and what it was called with), outermost first.
        self._active: set[tuple[int, Known]] = set()
        self._stack: list[tuple[int, Known]] = []
        self._lowest_cut = _NO_CUT
        #: A unique number per entry of ``_stack`` (a function computed twice at one position
        #: gets two), so a partial answer knows whether the caller it was cut at is still running.
        self._live: list[int] = []
        self._generation = 0
        #: Answers cut short at a caller still running (see :class:`_Partial`).
        self._partial: dict[tuple[int, Known], _Partial] = {}
        self._depth_limited = False
        #: One marker call per file loop, so repeated analyses hand out the same node.
        self._markers: dict[tuple[int, str], tuple[ast.AST, ast.Call]] = {}
        #: id of a function node -> the target of a function passed as an argument (see ``_passed_callables``).
        self._passed_targets: dict[int, CallTarget] = {}
        #: The library functions followed this run (``module.qualname``), for the summary.
        self.library_functions: dict[str, None] = {}
        self.summaries: LibrarySummaries | None = None
        self._library_answers: dict[str, tuple[tuple[Reached, ...], frozenset[str]]] = {}
        #: id of a function node -> whether it returns what a call gives (see ``_returns_call``).
        self._returning: dict[int, bool] = {}
        self._typed_scopes: dict[tuple[int, Known], Scope] = {}
        self._self_calls: dict[int, frozenset[str]] = {}
        self._called_names: dict[int, frozenset[str]] = {}
        self._isinstance_calls: dict[int, list[ast.Call]] = {}
        self._instance_constants: dict[tuple[int, int], Known] = {}

    def blocking_calls(self, function: DefinedFunction) -> list[DirectCall]:
        """The calls of the function that block, each with the path to what it reaches."""
        with _room_to_recurse():
            return self._blocking_calls(function)

    def _blocking_calls(self, function: DefinedFunction) -> list[DirectCall]:
        found: list[DirectCall] = []
        is_async = function.is_async
        for call, target, awaited, consumed, on_loop in self._frame_calls(function):
            chosen, items = self._effective(call, target, awaited, on_loop, 0, consumed, function.scope)
            if chosen is not None and chosen.api is not None:
                found.extend(DirectCall(call, r.api, r.name, awaited=False) for r in items)
                continue
            for reached in items:
                if self._round_a_cycle(reached, (id(function.node), ())):
                    continue  # through the function itself
                found.append(
                    DirectCall(call, reached.api, reached.name, reached.via,
                               helper=chosen.function if chosen is not None else None,
                               awaited=awaited, chain=reached.chain)
                )
        reads = [DirectCall(marker, r.api, r.name, r.via, helper=chosen.function if chosen else None,
                            chain=r.chain, read=attribute, awaited=attribute is None)
                 for marker, target, attribute in self._implicit_calls(function, root=True)
                 for chosen, items in [self._effective(marker, target, False, is_async, 0)] for r in items]
        if reads:
            found = sorted([*found, *reads], key=lambda c: (c.node.lineno, c.node.col_offset))
        for loop_call in [*self.file_loops(function), *self.lazy_loops(function)]:
            # In source order, after the calls that start where it does or before.
            where = (loop_call.node.lineno, loop_call.node.col_offset)
            at = next((i for i, c in enumerate(found) if (c.node.lineno, c.node.col_offset) > where), len(found))
            found.insert(at, loop_call)
        return found

    def _frame_calls(self, function: DefinedFunction, known: Known = ()
                     ) -> Iterator[tuple[ast.Call, CallTarget, bool, bool, bool]]:
        """The calls of the function's frame that resolve: (call, target, awaited, consumed, on_loop).

        ``on_loop`` says whether a coroutine function called there runs its body in this frame:
        not when the coroutine goes to a task (``create_task(poll())``), nor when it goes to a
        plain ``def`` of the project (``track(handle_chat(ws))``) whose result is not awaited:
        a ``def`` cannot await it, it only schedules or keeps it.
        """
        spawned = spawned_calls(function.node.body, known)
        scope = self.scope_for(function, known)
        resolved = []
        entered: set[int] = set()
        for call, awaited, consumed in iter_calls_consumed(function.node.body, known, entered):
            target = self._known_callable(call, known) or self.resolver.call_target(call, scope)
            if target is not None:
                # ``async with make_client():``: a plain ``def`` runs, then hands an object over.
                plain = id(call) in entered and target.function is not None and not target.function.is_async
                resolved.append((call, target, awaited and not plain, consumed))
        handed = {id(argument) for call, target, awaited, _c in resolved
                  if not awaited and target.function is not None and not target.function.is_async
                  for argument in call.args if isinstance(argument, ast.Call)}
        # ``notify(payload)`` as a statement, ``notify`` an ``async def``: the coroutine is dropped unrun.
        statements = dropped_calls(function.node.body, known)
        dropped = {id(call) for call, target, _a, _c in resolved if id(call) in statements and _coroutines_only(target)}
        # A plain ``def`` whose caller awaits what it returns runs the returned coroutine there.
        returned_awaited = RESULT_AWAITED in known
        for call, target, awaited, consumed in resolved:
            on_loop = function.is_async or returned_awaited and awaited
            yield call, target, awaited, consumed, on_loop and id(call) not in spawned | handed | dropped

    def _effective(
        self, call: ast.Call, target: CallTarget, awaited: bool, caller_is_async: bool, depth: int,
        consumed: bool = True, scope: Scope | None = None, fresh_self: bool = False,
    ) -> tuple[CallTarget | None, list[Reached]]:
        """What a call blocks on, and the target that does it.

        A target with alternatives (a receiver typed by a union, an abstract method) blocks
        through the alternatives that do. An abstract method (``every``) is not reported when
        one of its implementations is a real ``async def`` that blocks on nothing: then the
        interface is async and the blocking backend is the exception, unless it is the
        default one (named in a default setting, see :meth:`.Hierarchy.named_as_default`). A sync implementation
        that reaches nothing known does not clear it: a plugin loaded by name, a generated
        gRPC stub or an SDK the catalogue lacks looks exactly like that; unless it is the
        default one and no blocking one is (chromadb's ``chroma_api_impl`` names its Rust
        bindings, while an HTTP client implements the same interface for remote use).
        """
        if awaited and cannot_be_awaited(target, self.resolver):
            return None, []  # ``await`` of a plain ``def``'s result raises: the branch not taken
        if not target.alternatives:
            if target.api is not None:
                return target, [] if awaited else [Reached(target.api, target.name)]
            return target, self._through(call, target, awaited, caller_is_async, depth, consumed, scope, fresh_self)
        results = [self._effective(call, alt, awaited, caller_is_async, depth, consumed, scope, fresh_self)
                   for alt in awaitable(target.alternatives, awaited, self.resolver)]
        blocking = [(alt, items) for alt, items in results if items]
        cleared = [alt for alt, items in results if not items]
        if not blocking or target.every and (
                target.strict and cleared or any(alt is not None and _truly_async(alt) for alt in cleared)
                or cleared and self._is_default(cleared)) and not self._default_blocks(blocking):
            return None, []
        # Every alternative that blocks is named (``via`` starts with its implementation).
        return blocking[0][0], [item for _alt, items in blocking for item in items]

    def _default_blocks(self, blocking: list[tuple[CallTarget | None, list[Reached]]]) -> bool:
        """An implementation that blocks is the default one, named in a setting: the async
        backends are the ones configured instead (lightrag's ``graph_storage="NetworkXStorage"``)."""
        return self._is_default([alt for alt, _items in blocking])

    def _is_default(self, alternatives: list[CallTarget | None]) -> bool:
        """One of the implementations is the default one, named in a setting."""
        owners = {alt.function.owner_class for alt in alternatives
                  if alt is not None and alt.function is not None and alt.function.owner_class}
        return any(self.resolver.hierarchy.named_as_default(owner.rsplit(".", 1)[-1]) for owner in owners)

    def _through(
        self, call: ast.Call, target: CallTarget, awaited: bool, caller_is_async: bool, depth: int,
        consumed: bool = True, scope: Scope | None = None, fresh_self: bool = False,
    ) -> list[Reached]:
        helper = target.function
        if helper is None:
            return []
        if helper.is_async and not caller_is_async:
            return []  # a sync caller only creates the coroutine
        if not consumed and is_generator(helper):
            return []  # calling a generator function runs none of its body; iterating it does
        if scope is not None and runs_once(call, helper, scope, self.resolver.declared.singleton_provided):
            return []  # ``@lru_cache`` with the same arguments every time: its body runs once per process
        if cannot_bind(call, helper, self.resolver, scope):
            return []  # ``TypeError`` before the body runs
        fresh = helper.owner_class is not None and self._made_for_call(call, helper, scope, fresh_self)
        if target.module is not None and target.module.library:
            return self._into_library(call, target, helper, _library_depth(depth), fresh)
        known = self.callee_known(call, helper, scope, consumed, fresh, awaited)
        entered = self._memo_key(helper, 0, known)
        found = [r.through(helper, known) for r in self.reached(helper, 0, known)
                 if not self._round_a_cycle(r, entered)]
        for wrapper in wrappers(helper, self.resolver):
            # ``@with_session``: the decorator's wrapper runs around every call (see :mod:`.decorators`).
            if wrapper.is_async and not caller_is_async:
                continue
            start = self._entered_at(wrapper, depth)
            around = self._memo_key(wrapper, start, ())
            found += [r.through(wrapper, around[1]).through(helper, known)
                      for r in self.reached(wrapper, start) if not self._round_a_cycle(r, entered, around)]
        return found

    def _entered_at(self, function: DefinedFunction, depth: int) -> int:
        """The depth a function called at ``depth`` is entered at: only a library's count."""
        return _library_depth(depth) if self._in_library(function) else 0

    def answered_since(self, start: int) -> tuple[int, list[int]]:
        """How many answers there are, and the function node ids of those from the ``start``-th
        on (answers are only ever added)."""
        return len(self._memo), [key[0] for key in islice(self._memo, start, None)]

    def _memo_key(self, function: DefinedFunction, depth: int, known: Known) -> tuple[int, Known]:
        """What an answer is kept under: the function and what it was called with. A library is
        followed a bounded number of calls deep: what a function of it reaches depends on how deep
        it was entered, so that depth is part of the key."""
        return id(function.node), (*known, ("<depth>", depth)) if self._in_library(function) else known

    def _in_library(self, function: DefinedFunction) -> bool:
        owner = self.resolver.index.owner(function)
        return owner is not None and owner.library

    def _round_a_cycle(self, reached: Reached, *entered: tuple[int, Known]) -> bool:
        """The path goes through a call it starts from, or one still being computed (the same
        function called with the same arguments).

        Such a path goes round a cycle: it is dropped where it is found, not only where it
        would close. A function's answer keeps one path per (API, first helper, async
        helper), and whether it holds a path through a function depends on whether that
        function was being computed when the answer was (an answer is memoised once): a
        looping path kept in place of a straight one made the result depend on the order
        the handlers were analysed in.
        """
        active = self._active
        return any((key := (id(f.node), known)) in active or key in entered for f, known in reached.calls())

    def reached(self, function: DefinedFunction, depth: int = 0, known: Known = ()) -> tuple[Reached, ...]:
        """What calling ``function`` blocks on (its body, run where it is called).

        Recursion is cut at a function already being computed; a result that
        depends on such a cut is incomplete and is not memoised, except by
        the function that closes the cycle (whose result then is complete).
        """
        memo_key = self._memo_key(function, depth, known)
        library = self._in_library(function)
        if memo_key in self._memo:
            return self._memo[memo_key]
        partial = self._partial.get(memo_key)
        if (partial is not None and partial.cut < len(self._stack) and self._live[partial.cut] == partial.live
                and depth >= partial.depth):
            # Computed earlier under the same unfinished caller it was cut at (and no deeper, if
            # the depth bound cut it): the same answer, or more.
            self._lowest_cut = min(self._lowest_cut, partial.cut)
            self._depth_limited = self._depth_limited or partial.depth > 0
            return partial.answer
        if memoised_without_arguments(function):
            self._memo[memo_key] = ()
            return ()
        if memo_key in self._active:
            self._lowest_cut = min(self._lowest_cut, self._stack.index(memo_key))
            return ()
        if depth > _MAX_DEPTH or len(self._stack) > _MAX_STACK:
            if not library and self._stack:  # a library's depth bound is its answer (the depth is in its key)
                # What was cut depends on the whole path here: kept for this question only.
                self._lowest_cut = 0
                self._depth_limited = True
            return ()
        self._active.add(memo_key)
        self._stack.append(memo_key)
        self._generation += 1
        self._live.append(self._generation)
        position = len(self._stack) - 1
        # Cuts seen before this call belong to the caller's other callees, not to this answer.
        outer_cut, self._lowest_cut = self._lowest_cut, _NO_CUT
        outer_limited, self._depth_limited = self._depth_limited, False
        try:
            kept = KeptPaths()
            scope = self.scope_for(function, known)
            for call, target, awaited, consumed, on_loop in self._frame_calls(function, known):
                kept.add(self._effective(call, target, awaited, on_loop, depth, consumed, scope,
                                         FRESH_SELF in known)[1])
            for marker, target, _attribute in self._implicit_calls(function, known):
                kept.add(self._effective(marker, target, False, function.is_async, depth)[1])
            nodes = iter_loop_nodes(function.node.body, per_call=True, known=known)
            kept.add([Reached(api, api.qualname) for _w, _i, api in lazy_iterations(nodes, scope, self.resolver)])
        finally:
            self._active.discard(memo_key)
            self._stack.pop()
            self._live.pop()
        reached = tuple(kept.paths)
        cut = self._lowest_cut
        if cut >= position:
            self._memo[memo_key] = reached
            cut = _NO_CUT
        else:
            # Incomplete: it misses what the caller it was cut at adds. Until that caller is
            # done, the same question has the same answer; without this, each path through a
            # cycle computed it again (exponential in the cycles of a large project).
            self._partial[memo_key] = _Partial(reached, cut, self._live[cut], depth if self._depth_limited else 0)
        self._lowest_cut = min(outer_cut, cut)
        self._depth_limited = outer_limited or self._depth_limited
        if not self._stack:
            self._partial.clear()  # every caller they were cut at is done
        return reached


def _library_depth(depth: int) -> int:
    """The depth a library function called at ``depth`` is entered at: a project caller (0)
    gives the library its whole budget; a library caller passes on what is left of it."""
    return depth + 1 if depth else _MAX_DEPTH - LIBRARY_DEPTH


@contextmanager
def _room_to_recurse() -> Iterator[None]:
    """Each call followed costs a few Python frames: ``_MAX_STACK`` calls need more than
    Python's default limit of 1,000. Raised for one handler's analysis, then put back."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, _RECURSION_LIMIT))
    try:
        yield
    finally:
        sys.setrecursionlimit(limit)


def _truly_async(target: CallTarget) -> bool:
    """An ``async def`` implementation with a body of its own (not ``pass`` or ``raise``)."""
    function = target.function
    return function is not None and function.is_async and not is_abstract(function)



def direct_scope_calls(body: list[ast.stmt], scope: Scope, resolver: Resolver) -> list[tuple[ast.Call, CallTarget]]:
    """Resolved calls of a body (used by fixes that inspect what a function calls)."""
    out = []
    for call, _awaited in iter_calls(body):
        target = resolver.call_target(call, scope)
        if target is not None:
            out.append((call, target))
    return out


def _coroutines_only(target: CallTarget) -> bool:
    """Every function the call may run is an ``async def``: calling it only makes a coroutine."""
    return all(t.function is not None and t.function.is_async for t in target.alternatives or (target,))
