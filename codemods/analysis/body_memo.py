"""Answers that depend on one function body alone, worked out once per body.

The blocking analysis asks the same things of a body for every call of it and
every question about it: the nodes its frame runs (for each set of argument
values a call decides), the names its branches test, whether it yields, the
names it declares ``global``, the tasks it awaits, the types its ``isinstance``
assertions give a name (:mod:`.narrowing`). A table keyed by the body's
``id`` answers them once. The body is kept with its answer and compared on
every hit: an ``id`` outlives its object, and a tree dropped between two runs in
one process could hand its ``id`` to a new body.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")

#: (question, id of a body or node) -> (that body or node, the answer).
_ANSWERS: dict[tuple[Hashable, int], tuple[object, object]] = {}
#: Emptied when it grows past this (a long run of one process over many projects).
_LIMIT = 40_000


def once_per_body(question: Hashable, body: object, compute: Callable[[], T]) -> T:
    """``compute()``, or what it gave when ``question`` was last asked of this very ``body``."""
    key = (question, id(body))
    cached = _ANSWERS.get(key)
    if cached is None or cached[0] is not body:
        if len(_ANSWERS) > _LIMIT:
            _ANSWERS.clear()
        cached = _ANSWERS[key] = (body, compute())
    return cached[1]  # type: ignore[return-value]


def forget_bodies() -> None:
    """Drop every answer (a new run: the trees they belong to are gone)."""
    _ANSWERS.clear()
