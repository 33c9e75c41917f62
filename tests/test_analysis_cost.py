"""The blocking analysis does work in proportion to the code, not to the paths through it.

A helper reached through a cycle (``a -> b -> a``) is cut short at the function
that is still being computed, so its answer is incomplete and is not kept for
the whole run. It used to be computed again on every path that reached it
while that function ran: in a tangle of mutually recursive helpers (an agent
framework's agents, teams and tools calling each other) the number of paths,
and the time, grew exponentially (one application took over a minute). An
incomplete answer is now kept until the function it was cut at is done.
Counted, not timed: the number of function bodies the analysis walks.
"""

from __future__ import annotations

import pytest

from codemods.analysis.blocking import _MAX_DEPTH, BlockingAnalysis
from codemods.api import analyse_source


def _tangle(size: int) -> str:
    """Helpers ``step0..stepN``: each calls the next two and the first (a cycle); the last one
    sleeps; a route calls the first."""
    lines = ["import time", "", "from fastapi import FastAPI", "", "app = FastAPI()", ""]
    for i in range(size):
        calls = [f"step{j}()" for j in (i + 1, i + 2) if j <= size] + ["step0()"]
        lines += ["", f"def step{i}():", *(f"    {call}" for call in calls), ""]
    lines += ["", f"def step{size}():", "    time.sleep(1)", ""]
    lines += ["", '@app.get("/")', "async def route():", "    step0()", "    return {}", ""]
    return "\n".join(lines)


@pytest.fixture
def walks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    counted: list[int] = []
    original = BlockingAnalysis._frame_calls

    def counting(self, function, known=()):  # type: ignore[no-untyped-def]
        counted.append(id(function.node))
        return original(self, function, known)

    monkeypatch.setattr(BlockingAnalysis, "_frame_calls", counting)
    return counted


@pytest.mark.parametrize("size", [12, 24, 30])  # the sleep within the depth bound
def test_a_tangle_of_cycles_is_walked_a_bounded_number_of_times(size: int, walks: list[int]) -> None:
    result = analyse_source(_tangle(size), "tangle.py")
    assert [f.function for f in result.findings] == ["route"]  # the sleep is found through the tangle
    # Each helper at most once per depth it is reached at (the depth bound cuts what lies
    # deeper, so an answer cut by it is reused only as deep or deeper). Before: 378 walks
    # for 12 helpers, 25,113 for 20.
    assert len(walks) <= (size + 1) * (_MAX_DEPTH + 1), len(walks)
