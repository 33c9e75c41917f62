"""The worker processes the analysis passes run in, and how a run stops them.

Workers are forked once per batch of projects (:func:`in_batches`) and keep
their project analyses between the tasks of the batch; they ignore Ctrl-C (the main process stops them) and never run the
cyclic garbage collector (the parsed trees they keep hold no cycles).
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: Below this many files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 48


#: A batch of small projects holds at least this many files, so both cores stay busy on them.
BATCH_FILES = 1000


def in_batches(projects: list[T], files_of: Callable[[T], int]) -> list[list[T]]:
    """Projects in batches to analyse one after another, each released before the next starts.

    A monorepo of many services must not need the memory of all of them at once: the peak
    follows the largest batch, and no batch holds more files than the largest project (or
    :data:`BATCH_FILES`, whichever is more). Small projects share a batch, so one round of
    parallel tasks still covers many of them. Projects keep their order, and each is analysed
    as it would be alone, so the outcomes do not depend on the batching.
    """
    budget = max([BATCH_FILES, *(files_of(p) for p in projects)])
    batches: list[list[T]] = []
    size = 0
    for project in projects:
        files = files_of(project)
        if batches and size + files <= budget:
            batches[-1].append(project)
            size += files
        else:
            batches.append([project])
            size = files
    return batches


class Runner:
    """The worker processes of one run (none below :data:`PARALLEL_THRESHOLD` files or with one job)."""

    def __init__(self, jobs: int, size: int) -> None:
        self.jobs = jobs
        self.size = size
        parallel = jobs > 1 and size >= PARALLEL_THRESHOLD
        self.pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_start) if parallel else None

    def map(self, function: Callable, items: list) -> list:  # type: ignore[type-arg]
        return list(self.pool.map(function, items) if self.pool else map(function, items))

    def chunks(self, paths: list[Path]) -> list[list[Path]]:
        """About eight chunks per worker of the files a pass has for one project, at least 8 files
        each. Sized by the pass, not by the run: pass 2 has far fewer files than pass 1 (those that
        hold a handler), and a chunk sized by the whole tree held all of them, so one worker did
        a large project's analysis while the other waited (agno: 37.6 s -> 23.2 s)."""
        if not paths:
            return []
        if self.pool is None:
            return [paths]
        size = max(8, len(paths) // (self.jobs * 8) + 1)
        return [paths[i : i + size] for i in range(0, len(paths), size)]

    def close(self, abort: bool = False) -> None:
        """Stop the workers; on ``abort`` (Ctrl-C, SIGTERM, an error) without waiting for them."""
        if self.pool is None:
            return
        if not abort:
            self.pool.shutdown(cancel_futures=True)
            return
        workers = list(getattr(self.pool, "_processes", {}).values())  # no public way before 3.14
        _ABORTED.append(bool(workers))
        self.pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            worker.kill()
        for worker in workers:
            worker.join(timeout=5)


#: Set when a run stopped its worker processes mid-flight (see :func:`pool_aborted`).
_ABORTED: list[bool] = []


def pool_aborted() -> bool:
    """Whether this process killed a worker pool: its manager thread may never finish then."""
    return any(_ABORTED)


def _worker_start() -> None:
    """A worker leaves signals to the main process, which stops it (a Ctrl-C that reached a
    worker mid-task could leave the pool's queues half-used and its shutdown waiting forever)."""
    import signal

    gc.disable()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
