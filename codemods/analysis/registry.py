"""The registry: one registration per function FastAPI runs, and the tasks they schedule.

Pass 1 collects registrations file by file (see :mod:`.fastapi_app`); a function
registered several ways keeps the most restrictive kind, and a scheduled
coroutine counts only when what schedules it runs on the server's loop, which
:func:`merge` settles to a fixpoint over the whole project.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Kind

#: A function registered several ways keeps the most restrictive kind.
_PRIORITY = [Kind.MIDDLEWARE, Kind.MOUNT, Kind.WEBSOCKET, Kind.LIFESPAN, Kind.ROUTE, Kind.DEPENDENCY,
             Kind.EXCEPTION_HANDLER, Kind.BACKGROUND, Kind.TASK]


@dataclass(frozen=True)
class Registration:
    """A function FastAPI runs (by key), how it runs it, and the registering decorator's index.

    A ``task`` is scheduled by ``spawned_by``, and counts only when that function runs on
    the server's loop itself: a CLI script's ``create_task`` is none of FastAPI's business.
    """

    key: str
    kind: Kind
    decorator_index: int | None = None
    spawned_by: str | None = None
    #: Not a task itself: ``key`` runs on the loop when ``spawned_by`` does (it is awaited
    #: there), so the tasks ``key`` schedules count (see :meth:`_Collector.tasks`).
    relay: bool = False


def merge(registrations: list[Registration]) -> dict[str, Registration]:
    """One registration per function (the most restrictive kind), then the tasks that
    registered functions schedule, and the tasks those schedule, and so on."""
    merged: dict[str, Registration] = {}
    for item in registrations:
        if item.kind is Kind.TASK:
            continue
        current = merged.get(item.key)
        if current is None or _PRIORITY.index(item.kind) < _PRIORITY.index(current.kind):
            index = item.decorator_index
            if index is None and current is not None:
                index = current.decorator_index
            merged[item.key] = Registration(item.key, item.kind, index)
    tasks = [item for item in registrations if item.kind is Kind.TASK]
    on_loop = set(merged)
    added = True
    while added:
        added = False
        for task in tasks:
            if task.spawned_by not in on_loop or task.key in (on_loop if task.relay else merged):
                continue
            on_loop.add(task.key)
            if not task.relay:
                merged[task.key] = Registration(task.key, Kind.TASK)
            added = True
    return merged
