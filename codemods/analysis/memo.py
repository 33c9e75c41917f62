"""Memo tables whose answers do not depend on what was asked before.

The resolver memoises what it works out (the type of an expression, of a class
attribute, of a parameter) for the whole run. Two things can cut a computation
short: a depth bound (``depth > MAX_DEPTH``) and a cycle (the question is already
being computed further up). An answer cut short depends on more than its
question, and keeping it for the run made later answers depend on the order in
which files were analysed: in one application a ``Model.objects`` first typed at
the end of a long chain of helpers stayed untyped for every later handler, and
the calls reported changed with the number of workers.

So, as the blocking analysis does for its own answers:

- an answer that nothing cut short, or only a cycle through the question itself
  (its own answer is then what the question alone gives), is kept for the run;
- one cut only by the depth bound depends on the depth it was asked at as well:
  it is kept for that question at that depth;
- one cut by a cycle through a question further up depends on that question: it
  is kept only until the outermost question under way is answered (which still
  spares that question its own exponential walks).

Whatever uses an answer cut short is cut short the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_NO_CUT = 1 << 30


class CutTracker:
    """What the memo tables of one resolver share: the questions under way (a stack, across
    tables), the highest of them a cycle cut the current computation at, and whether the
    depth bound cut it."""

    def __init__(self) -> None:
        self.stack: list[object] = []
        self.lowest_cut = _NO_CUT
        self.depth_cut = False
        self.tables: list[Memo] = []  # type: ignore[type-arg]

    def depth_bound(self) -> None:
        """A computation stopped at a depth bound: what used its answer is cut short too."""
        self.depth_cut = True


class Memo(Generic[K, V]):
    """One memo table: ``get(key, compute, on_cycle, depth)``."""

    def __init__(self, tracker: CutTracker) -> None:
        self.tracker = tracker
        self.done: dict[K, V] = {}
        self._at_depth: dict[tuple[K, int], V] = {}
        #: key -> (answer, the stack position it was cut at, whether the depth bound cut it too).
        self._scratch: dict[K, tuple[V, int, bool]] = {}
        self._position: dict[K, int] = {}
        tracker.tables.append(self)

    def get(self, key: K, compute: Callable[[], V], on_cycle: V, depth: int = 0) -> V:
        if key in self.done:
            return self.done[key]
        tracker = self.tracker
        if (key, depth) in self._at_depth:
            tracker.depth_cut = True
            return self._at_depth[(key, depth)]
        if key in self._scratch:
            value, cut, by_depth = self._scratch[key]
            tracker.lowest_cut = min(tracker.lowest_cut, cut)
            tracker.depth_cut = tracker.depth_cut or by_depth
            return value
        if key in self._position:
            tracker.lowest_cut = min(tracker.lowest_cut, self._position[key])
            return on_cycle
        position = len(tracker.stack)
        outer_cut, outer_depth = tracker.lowest_cut, tracker.depth_cut
        tracker.lowest_cut, tracker.depth_cut = _NO_CUT, False
        tracker.stack.append(key)
        self._position[key] = position
        try:
            value = compute()
        finally:
            tracker.stack.pop()
            del self._position[key]
        cut, by_depth = tracker.lowest_cut, tracker.depth_cut
        if cut >= position:  # nothing cut it, or only a cycle through this very question
            if by_depth:
                self._at_depth[(key, depth)] = value
            else:
                self.done[key] = value
            cut = _NO_CUT
        else:
            self._scratch[key] = (value, cut, by_depth)
        tracker.lowest_cut = min(outer_cut, cut)
        tracker.depth_cut = outer_depth or by_depth
        if not tracker.stack:
            for table in tracker.tables:
                table._scratch.clear()
            tracker.lowest_cut, tracker.depth_cut = _NO_CUT, False
        return value
