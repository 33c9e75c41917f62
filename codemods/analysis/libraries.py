"""Calls into the libraries a project installs, followed down to the catalogue's APIs.

Only a library's plain ``def`` functions: a library coroutine awaits (it is the
library's async API), whatever it does inside. A library is followed
``LIBRARY_DEPTH`` calls deep at most; a cut there is part of its answer, so the
answer is keyed by the depth it was entered at. The chain names a library
function by module (``kvstore.inspect``): it is not the project's, and a fix
wraps the call to it, never its body.

Answers that depend on nothing but the library (and the libraries it reads,
see :mod:`.summaries`) are kept across runs; an answer read back is the same as
one worked out, apart from the library's own functions in its chain.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from .classes import CallTarget
from .definitions import DefinedFunction
from .frames import Known
from .summaries import LibrarySummaries, Reached, Summary, entry_key

if TYPE_CHECKING:
    from .modules import ModuleInfo
    from .resolver import Resolver
    from .scope import Scope

#: How many calls deep an installed library is followed.
LIBRARY_DEPTH = 6


class LibraryCalls:
    """Mixed into :class:`.blocking.BlockingAnalysis`."""

    resolver: Resolver
    _memo: dict[tuple[int, Known], tuple[Reached, ...]]
    #: The library functions followed this run (``module.qualname``), for the summary.
    library_functions: dict[str, None]
    #: Stored answers of the environment's libraries (``None``: none are read or kept).
    summaries: LibrarySummaries | None
    #: Entry key -> (answer, top-level names it looked up), for this run.
    _library_answers: dict[str, tuple[tuple[Reached, ...], frozenset[str]]]

    if TYPE_CHECKING:
        def reached(self, function: DefinedFunction, depth: int = 0, known: Known = ()) -> tuple[Reached, ...]: ...

        def callee_known(self, call: ast.Call, helper: DefinedFunction, scope: Scope | None, consumed: bool,
                         fresh: bool, awaited: bool = False) -> Known: ...

    def _into_library(self, call: ast.Call, target: CallTarget, helper: DefinedFunction, start: int,
                      fresh: bool) -> list[Reached]:
        """What calling a library function blocks on (``start``: the depth it is entered at)."""
        if helper.is_async or target.module is None:
            return []
        label = f"{target.module.name}.{helper.qualname}"
        self.library_functions[label] = None
        # ``SqliteDict(path)`` skips its ``if filename is None:``.
        known = self.callee_known(call, helper, None, False, fresh)
        # ``asyncio.run`` inside a library is its sync face over its async API, behind the
        # library's own checks for a running loop (jinja2's ``render`` when ``enable_async``).
        return [r.through_library(label, helper)
                for r in self._library_reached(helper, target.module, start, known) if r.api.category != "reentry"]

    def _library_reached(self, helper: DefinedFunction, module: ModuleInfo, start: int, known: Known
                         ) -> tuple[Reached, ...]:
        """The library function's answer: from this run, from a stored summary, or worked out."""
        entry = entry_key(module.name, helper.qualname, start, known) if self.summaries is not None else None
        if entry is None or self.summaries is None:
            return self.reached(helper, start, known)
        index = self.resolver.index
        answers = self._library_answers
        if entry in answers:
            reached, heads = answers[entry]
        else:
            stored = self.summaries.lookup(module.name, entry, index.is_library_head)
            if stored is not None:
                reached = tuple(Reached(api, name, via) for api, name, via in stored.reached)
                heads = frozenset(name for name, _ in stored.depends_on)
                self.library_functions.update(dict.fromkeys(stored.followed))
            else:
                outer, index.heads_used = index.heads_used, {module.name.partition(".")[0]}
                followed = len(self.library_functions)
                try:
                    reached = self.reached(helper, start, known)
                finally:
                    heads, index.heads_used = frozenset(index.heads_used or ()), outer
                if (id(helper.node), (*known, ("<depth>", start))) not in self._memo:
                    return reached  # cut short by a cycle through a caller: not its whole answer
                depends_on = self.summaries.dependencies(heads, index.is_library_head)
                if depends_on is not None:
                    summary = Summary(tuple((r.api, r.name, r.via) for r in reached), depends_on,
                                      tuple(list(self.library_functions)[followed:]))
                    self.summaries.record(module.name, entry, summary)
            answers[entry] = (reached, heads)
        if index.heads_used is not None:
            index.heads_used.update(heads)
        return reached
