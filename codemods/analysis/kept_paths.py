"""The blocking paths one function's answer keeps (see :meth:`.blocking.BlockingAnalysis.reached`)."""

from __future__ import annotations

from .summaries import Reached

#: Paths kept per function before only the first path through each async helper's call is.
MAX_REACHED = 256


class KeptPaths:
    """The paths a function's answer keeps. One path per (API, first helper, async helper it runs
    in) tells where the fix goes; all paths would grow combinatorially. Past the cap, the first
    path through each call of the async helper it runs in is still kept, one per category (the
    rules a run selects are applied later, and a path of a rule left off must not stand for one
    that is on): a fix moves that call, and leaving it out would leave it for a second run."""

    def __init__(self) -> None:
        self.paths: list[Reached] = []
        self._marks: set[tuple[str, tuple[str, ...], int]] = set()
        self._steps: set[tuple[int, str, str]] = set()

    def add(self, items: list[Reached]) -> None:
        for item in items:
            chain = item.chain
            last = max((i for i, f in enumerate(chain) if f.is_async), default=-1)
            site = id(chain[last].node) if last >= 0 else 0
            step = chain[last + 1].qualname if last + 1 < len(chain) else item.name
            mark = (item.name, item.via[:1], site)
            through = (site, step, item.api.category)
            if mark not in self._marks and (len(self.paths) < MAX_REACHED or through not in self._steps):
                self._marks.add(mark)
                self._steps.add(through)
                self.paths.append(item)
