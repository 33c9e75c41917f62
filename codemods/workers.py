"""The worker processes the analysis passes run in, and how a run stops them.

Workers are forked once per batch of projects (:func:`in_batches`) and keep
their project analyses between the tasks of the batch; they ignore Ctrl-C (the main process stops them) and never run the
cyclic garbage collector (the parsed trees they keep hold no cycles).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any, TypeVar

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
    """The worker processes of one run (none below :data:`PARALLEL_THRESHOLD` files or with one job).

    Each worker is a pool of its own, so a task can go to the worker that already holds what it
    needs: a worker keeps the project analyses it built (parsed modules, answers for functions)
    between tasks, and a file analysed again in a later round costs a fraction of its first
    analysis there, but much more in a worker that never analysed it (mlflow's second round,
    one task: 1.0 s in the worker that had its files, 7.5 s in the other; ``--changed-since``
    on one open-webui file: 1.0 s against 5.3 s).
    """

    def __init__(self, jobs: int, size: int) -> None:
        self.jobs = jobs
        self.size = size
        parallel = jobs > 1 and size >= PARALLEL_THRESHOLD
        self.workers = [ProcessPoolExecutor(max_workers=1, initializer=_worker_start) for _ in range(jobs)] \
            if parallel else []
        #: The files each worker has had tasks about or analysed functions of (see :meth:`map`).
        self.files: list[set[Path]] = [set() for _ in self.workers]
        #: The workers, the one that has waited longest first (all wait between two calls of :meth:`map`).
        self.idle = list(range(len(self.workers)))

    def map(self, function: Callable, items: list, about: list[tuple[Path, ...]] | None = None,  # type: ignore[type-arg]
            analysed: Callable[[Any], Iterable[Path]] | None = None) -> list:  # type: ignore[type-arg]
        """``function`` over ``items``, results in their order. ``about[i]``: the files item ``i``
        is about; ``analysed(result)``: the files whose functions the worker analysed for it.

        Fewer items than workers (a later round of a few files, ``--changed-since``): each goes to
        a worker of its own, the one that has had or analysed most of its files. More: the worker
        free longest takes the next item, as with a shared pool's queue; keeping every core busy
        matters more then, and which worker holds what a chunk needs is not told by its files
        (khoj's second round, two chunks: 1.7 s one way, 3.7 s the other, the slow way being the
        one their files pointed to).
        """
        if not self.workers:
            return list(map(function, items))
        homes = self._homes(about) if about is not None and len(items) < len(self.workers) else None
        waiting = list(range(len(items)))
        results: list[object] = [None] * len(items)
        running: dict[Future[object], tuple[int, int]] = {}
        idle = self.idle
        while waiting or running:
            for index in list(waiting):
                if not idle:
                    break
                worker = homes[index] if homes is not None else idle[0]
                if worker not in idle:
                    continue
                waiting.remove(index)
                idle.remove(worker)
                self.files[worker].update(about[index] if about is not None else ())
                running[self.workers[worker].submit(function, items[index])] = (worker, index)
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                worker, index = running.pop(future)
                results[index] = future.result()
                idle.append(worker)
                if analysed is not None:
                    self.files[worker].update(analysed(results[index]))
        return results

    def _homes(self, about: list[tuple[Path, ...]]) -> list[int]:
        """A distinct worker per item: the one that has had most of its files (the first on a tie)."""
        free = list(range(len(self.workers)))
        homes = []
        for files in about:
            home = max(free, key=lambda worker: sum(path in self.files[worker] for path in files))
            free.remove(home)
            homes.append(home)
        return homes

    def chunks(self, paths: list[Path]) -> list[list[Path]]:
        """About eight chunks per worker of the files a pass has for one project, at least 8 files
        each. Sized by the pass, not by the run: pass 2 has far fewer files than pass 1 (those that
        hold a handler), and a chunk sized by the whole tree held all of them, so one worker did
        a large project's analysis while the other waited (agno: 37.6 s -> 23.2 s)."""
        if not paths:
            return []
        if not self.workers:
            return [paths]
        size = max(8, len(paths) // (self.jobs * 8) + 1)
        return [paths[i : i + size] for i in range(0, len(paths), size)]

    def close(self, abort: bool = False) -> None:
        """Stop the workers; on ``abort`` (Ctrl-C, SIGTERM, an error) without waiting for them."""
        if not abort:
            for pool in self.workers:
                pool.shutdown(cancel_futures=True)
            return
        processes = [process for pool in self.workers
                     for process in getattr(pool, "_processes", {}).values()]  # no public way before 3.14
        _ABORTED.append(bool(processes))
        for pool in self.workers:
            pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.kill()
        for process in processes:
            process.join(timeout=5)


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
