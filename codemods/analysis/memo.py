"""Memo tables whose answers do not depend on what was asked before.

The resolver memoises what it works out (the type of an expression, of a class
attribute, of a parameter) for the whole run. Two things can cut a computation
short: a depth bound (``depth > MAX_DEPTH``) and a cycle (the question is already
being computed further up). An answer cut short depends on the question that was
being asked when it was computed, so keeping it for the run made later answers
depend on the order in which files were analysed: in one application a
``Model.objects`` first typed at the end of a long chain of helpers stayed untyped
for every later handler, and the findings changed with the number of workers.

So an answer is kept for the run only when nothing cut it short; one that was cut
short is kept only until the outermost question under way is answered (which still
spares a question its own exponential walks), and counts as cut short for
whatever used it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class CutTracker:
    """What the memo tables of one resolver share: whether the computation under way was cut
    short, and how many memoised computations are under way."""

    def __init__(self) -> None:
        self.cut = False
        self.running = 0
        self.tables: list[Memo] = []  # type: ignore[type-arg]

    def depth_bound(self) -> None:
        """A computation stopped at a depth bound: what used its answer is cut short too."""
        self.cut = True


class Memo(Generic[K, V]):
    """One memo table: ``get(key, compute, on_cycle)``."""

    def __init__(self, tracker: CutTracker) -> None:
        self.tracker = tracker
        self.done: dict[K, V] = {}
        self._scratch: dict[K, V] = {}
        self._running: set[K] = set()
        tracker.tables.append(self)

    def get(self, key: K, compute: Callable[[], V], on_cycle: V) -> V:
        if key in self.done:
            return self.done[key]
        tracker = self.tracker
        if key in self._scratch:
            tracker.cut = True
            return self._scratch[key]
        if key in self._running:
            tracker.cut = True
            return on_cycle
        outer, tracker.cut = tracker.cut, False
        self._running.add(key)
        tracker.running += 1
        try:
            value = compute()
        finally:
            self._running.discard(key)
            tracker.running -= 1
        if tracker.cut:
            self._scratch[key] = value
        else:
            self.done[key] = value
        tracker.cut = tracker.cut or outer
        if not tracker.running:
            for table in tracker.tables:
                table._scratch.clear()
            tracker.cut = False
        return value
