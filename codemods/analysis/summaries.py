"""What a library function reaches, kept per installed version across runs and projects.

Following a call into an installed library means reading that library's source
and the libraries it calls, which costs more than the project's own analysis
on a large environment. What a library function reaches does not depend on the
project that calls it, only on the library's code, on the code it looked at
while working it out (other libraries, or their absence), on the arguments the
call fixes (literals that decide its branches) and on the tool itself. So the
answer is worked out once per (distribution, version) on a machine, and any
later run, for any project whose environment has the same versions, reads it.

A summary records the top-level import names its computation looked up, with
the distribution and version that provides each one (or that none is
installed). It is served only when every one of them is still the same: an
upgrade of a library the answer read through makes it worked out again. An
answer that looked at something no distribution's metadata names (a module
copied into ``site-packages`` by hand, the project's own code) is not kept.

This module decides what is kept and whether it may be served; reading and
writing the entries is the cache's (:mod:`codemods.cache`), done by the runner's
pipeline.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..catalogue import BlockingApi
from ..environment import Distribution, installed_distributions
from ..fingerprint import tool_fingerprint
from .definitions import DefinedFunction

if TYPE_CHECKING:
    from .frames import Known

#: (api, name, via) of one blocking API the function reaches.
ReachedItem = tuple[BlockingApi, str, tuple[str, ...]]
#: top-level import name -> ``name==version`` of the distribution providing it (``None``: not installed).
Dependencies = tuple[tuple[str, str | None], ...]
#: Reads the summaries stored under a store key (``None``: none, or not to be read at all).
Loader = Callable[[str], Mapping[str, "Summary"] | None]

#: Literal argument values a summary may be keyed by (others are not kept).
_PLAIN = (str, int, float, bool, bytes, type(None))


@dataclass(frozen=True, slots=True, eq=False)
class Reached:
    """A blocking API reached by calling a function, and the helpers in between.

    Kept as links: the outermost helper (``helper``, named ``label``, called with
    ``known``) and the path it continues (``inner``), down to a link without one.
    Each function's answer prefixes one helper to the paths of the functions it
    calls: as whole tuples of names, helpers and arguments, agno's memo of answers
    held 50,000 paths of 8 steps on average, 20 MB; as links each step is held once.
    ``via``, ``chain`` and ``contexts`` spell the path out when a finding needs it.
    """

    api: BlockingApi
    name: str
    #: Helpers named by a summary read back (sync library functions, with no ``chain``).
    tail: tuple[str, ...] = ()
    label: str = ""
    helper: DefinedFunction | None = None
    known: Known = ()
    inner: Reached | None = None
    #: A library entered here: what the helpers below were called with is not kept.
    forgets: bool = False

    def through(self, helper: DefinedFunction, known: Known) -> Reached:
        """The path as reached by calling ``helper`` (with ``known``)."""
        return Reached(self.api, self.name, (), helper.qualname, helper, known, self)

    def through_library(self, label: str, helper: DefinedFunction) -> Reached:
        """The path as reached by calling the library function ``helper`` (``label``: its full name)."""
        return Reached(self.api, self.name, (), label, helper, (), self, True)

    def _steps(self) -> Iterator[Reached]:
        link: Reached = self
        while link.inner is not None:
            yield link
            link = link.inner

    def calls(self) -> Iterator[tuple[DefinedFunction, Known]]:
        """Each helper and what it was called with, outermost first."""
        forgotten = False
        for step in self._steps():
            assert step.helper is not None  # every link with an inner path has its helper
            yield step.helper, () if forgotten else step.known
            forgotten = forgotten or step.forgets

    @property
    def via(self) -> tuple[str, ...]:
        """The helpers' names, outermost first."""
        link, names = self, []
        while link.inner is not None:
            names.append(link.label)
            link = link.inner
        return (*names, *link.tail)

    @property
    def chain(self) -> tuple[DefinedFunction, ...]:
        """The helper functions named in ``via``, outermost first (a summary read back keeps none
        inside the library: they are sync functions, and only async ones decide a fix's place)."""
        return tuple(helper for helper, _known in self.calls())

    @property
    def contexts(self) -> tuple[Known, ...]:
        """What each function of ``chain`` was called with, when any was called with something:
        one function called twice on a path with other arguments is not a cycle."""
        knowns = tuple(known for _helper, known in self.calls())
        return knowns if any(knowns) else ()


@dataclass(frozen=True)
class Summary:
    """What one library function, entered at one depth with some arguments fixed, reaches."""

    reached: tuple[ReachedItem, ...]
    depends_on: Dependencies
    #: The library functions (``module.qualname``) followed to work it out, for the run's summary.
    followed: tuple[str, ...] = ()


@dataclass(frozen=True)
class NewSummary:
    """A summary worked out in this run, for the runner to store."""

    store: str
    entry: str
    summary: Summary


@dataclass
class LibrarySummaries:
    """The summaries of one environment's libraries, read lazily, one store per distribution."""

    site_packages: tuple[Path, ...]
    load: Loader | None = None
    _installed: dict[str, Distribution] | None = None
    _stores: dict[str, Mapping[str, Summary]] = field(default_factory=dict)
    #: Worked out this run (and keepable), in the order they were.
    new: list[NewSummary] = field(default_factory=list)
    #: How many answers this run read from stored summaries.
    reused: int = 0

    def installed(self) -> dict[str, Distribution]:
        if self._installed is None:
            self._installed = installed_distributions(self.site_packages) if self.load is not None else {}
        return self._installed

    def store_key(self, module: str) -> str | None:
        """The store of the distribution that installs ``module`` (``None``: no metadata names it)."""
        distribution = self.installed().get(module.partition(".")[0])
        if distribution is None:
            return None
        digest = hashlib.blake2b(digest_size=20)
        for part in ("library", distribution.name.lower(), distribution.version, tool_fingerprint(),
                     f"{sys.version_info[0]}.{sys.version_info[1]}"):
            digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
        return digest.hexdigest()

    def lookup(self, module: str, entry: str, present: Callable[[str], bool]) -> Summary | None:
        """The stored summary of ``entry``, if every package it depended on is as it was."""
        if self.load is None:
            return None
        store = self.store_key(module)
        if store is None:
            return None
        if store not in self._stores:
            self._stores[store] = self.load(store) or {}
        summary = self._stores[store].get(entry)
        if summary is None or self.dependencies((name for name, _ in summary.depends_on), present) != summary.depends_on:
            return None
        self.reused += 1
        return summary

    def record(self, module: str, entry: str, summary: Summary) -> None:
        if self.load is None:
            return
        store = self.store_key(module)
        if store is not None:
            self.new.append(NewSummary(store, entry, summary))

    def dependencies(self, heads: Iterable[str], present: Callable[[str], bool] | None = None
                     ) -> Dependencies | None:
        """Each top-level name with the distribution that provides it; ``None`` when one is
        installed without metadata naming it (its version cannot be told), or when the answer
        read the project's own code (``<project>``)."""
        installed = self.installed()
        found: list[tuple[str, str | None]] = []
        for head in sorted(set(heads)):
            if head.startswith("<"):
                return None
            distribution = installed.get(head)
            if distribution is not None:
                found.append((head, f"{distribution.name}=={distribution.version}"))
            elif present is not None and present(head):
                return None
            else:
                found.append((head, None))
        return tuple(found)


def entry_key(module: str, qualname: str, depth: int, known: tuple[tuple[str, object], ...]) -> str | None:
    """How a library function's answer is named in its store, or ``None`` when the arguments
    that decide it are not plain literals (they are then not kept)."""
    if not all(isinstance(value, _PLAIN) for _name, value in known):
        return None
    return f"{module}:{qualname}@{depth}{known!r}"
