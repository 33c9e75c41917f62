"""Typed values that flow through the pipeline.

Every stage returns these frozen dataclasses and nothing else, so results can
cross process boundaries (they pickle) and the console, the JSON report and the
tests all read the same objects.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .analysis.summaries import NewSummary


class Kind(str, enum.Enum):
    """How FastAPI (or Starlette) runs a callable; decides which fixes are legal."""

    ROUTE = "route"
    DEPENDENCY = "dependency"
    WEBSOCKET = "websocket"
    MIDDLEWARE = "middleware"
    BACKGROUND = "background"
    EXCEPTION_HANDLER = "exception_handler"
    LIFESPAN = "lifespan"
    #: A coroutine a callable FastAPI runs hands to the loop (``asyncio.create_task(poll())``):
    #: it runs on the same loop, and ``create_task`` needs it to stay a coroutine.
    TASK = "task"
    #: A method of an ASGI app mounted on the application (``app.mount``, a ``StaticFiles``
    #: subclass): Starlette awaits it, so it must stay a coroutine.
    MOUNT = "mount"
    #: An ``async def`` FastAPI does not run itself; only in scope with ``--all-async``.
    OTHER = "other"


class Strategy(str, enum.Enum):
    """The fix chosen for a finding. The values are part of the JSON contract."""

    CONVERT_TO_DEF = "convert-to-def"
    SWAP_TO_ASYNC = "swap-to-async"
    WRAP_IN_THREADPOOL = "wrap-in-threadpool"
    MOVE_TO_BACKGROUND = "move-to-background"
    NONE = "none"


@dataclass(frozen=True)
class BlockingCall:
    """One blocking call reached from an async function.

    ``line``/``column`` locate the call in the analysed function (for a call
    reached through helpers: the call of the first helper); ``via`` names the
    helpers between the function and the blocking API, outermost first.
    """

    name: str
    code: str
    line: int
    column: int
    via: tuple[str, ...] = ()


@dataclass(frozen=True)
class FixPlan:
    """What the planner decided for one finding."""

    strategy: Strategy
    safe: bool
    reason: str


@dataclass(frozen=True)
class Finding:
    """An async callable that FastAPI runs on the event loop and that blocks it."""

    path: str
    line: int
    column: int
    function: str
    kind: Kind
    code: str
    message: str
    calls: tuple[BlockingCall, ...]
    fix: FixPlan
    #: Whether the fix was applied to the produced text (set by the engine).
    fixed: bool = False
    #: The finding as the JSON report writes it, once made (:func:`codemods.report.render_json`):
    #: by the worker that found it, in parallel, and kept with the cached outcome, so a warm
    #: run writes a large report without laying it out again. Not an argument, so a changed
    #: copy (``dataclasses.replace``) starts without it and is laid out anew.
    rendered: str = field(default="", init=False, repr=False, compare=False)


#: What identifies a finding across unrelated edits (a baseline entry, a review decision): the
#: file's absolute path, the function's dotted name, the rule code and the blocking calls as
#: the finding names them (``helper -> requests.get``), sorted; no line numbers.
FindingKey = tuple[str, str, str, tuple[str, ...]]
#: One blocking call of a function, named so: (absolute path, function, call as the finding names it).
HeldCall = tuple[str, str, str]


def call_text(call: BlockingCall) -> str:
    """A blocking call as a finding names it, through its helpers: ``load_report -> requests.get``."""
    return " -> ".join((*call.via, call.name))


def finding_key(path: str, function: str, calls: tuple[BlockingCall, ...]) -> FindingKey:
    """The key of the finding ``calls`` make in ``function`` of the file at ``path`` (absolute)."""
    return (path, function, calls[0].code, tuple(sorted({call_text(call) for call in calls})))


def held_calls(key: FindingKey) -> frozenset[HeldCall]:
    """The calls a finding holds back: a finding is held back when each of its calls is."""
    path, function, _code, texts = key
    return frozenset((path, function, text) for text in texts)


@dataclass(frozen=True)
class FileError:
    """A file that could not be analysed or rewritten; the batch goes on."""

    path: str
    message: str
    #: A bug of this tool, not of the file: such a result is never cached.
    internal: bool = False


def internal_error(path: str, step: str, error: BaseException) -> FileError:
    """A bug of this tool met in one file: reported like an unreadable file, so the batch goes
    on and nothing of that file is written (ruff reports its panics per file the same way)."""
    return FileError(path, f"internal error while {step} ({type(error).__name__}: {error}); the file is left "
                           f"as it is; please report this with the file if you can", internal=True)


@dataclass(frozen=True)
class FileResult:
    """Everything the engine learnt about one file.

    ``new_text`` is ``None`` when nothing changes; the runner writes it only
    when asked to apply.
    """

    path: str
    findings: tuple[Finding, ...] = ()
    old_text: str = ""
    new_text: str | None = None
    error: FileError | None = None
    #: Why the file was not analysed at all (``generated``, ``excluded``...), if it was not.
    skipped: str | None = None
    #: Async helpers (by function key) whose bodies block on behalf of this file's
    #: functions, with who reaches them: the fix goes there (runner pass 3).
    fix_sites: tuple[tuple[str, str], ...] = ()
    #: (file, function key): functions of this file converted to ``def`` whose callers in that
    #: other file must be rewritten in the same change (the runner's caller rounds).
    caller_requests: tuple[tuple[str, str], ...] = ()
    #: Function keys (of other files) whose callers here could not be rewritten: the
    #: conversion must be withdrawn.
    caller_failures: tuple[str, ...] = ()
    #: Async functions of this file that FastAPI runs (all of them with ``--all-async``), checked for blocking.
    handlers_checked: int = 0
    #: Functions of installed libraries (``module.qualname``) first followed while analysing this file.
    library_functions: tuple[str, ...] = ()
    #: Library answers first worked out while analysing this file, for the runner to keep.
    library_summaries: tuple[NewSummary, ...] = ()
    #: How many library answers were read from stored summaries while analysing this file.
    summaries_reused: int = 0
    #: The calls of ``Settings.held_back`` this file's functions still make (whatever rules are
    #: selected): a recorded call missing here is gone from the code (a stale baseline entry).
    held_back: tuple[HeldCall, ...] = ()

    @property
    def changed(self) -> bool:
        return self.new_text is not None and self.new_text != self.old_text


@dataclass(frozen=True)
class Settings:
    """Options that change what is found and how it is fixed.

    Built once by the CLI (and, later, per project from ``pyproject.toml``);
    the engine never reads flags or files itself.
    """

    all_async: bool = False
    unsafe_fixes: bool = False
    select: frozenset[str] = field(default_factory=frozenset)
    ignore: frozenset[str] = field(default_factory=frozenset)
    #: ``def``: convert to ``def`` first (FastAPI's advice); ``async``: swap to the async twin first;
    #: ``background``: hand calls to ``BackgroundTasks`` first (and apply that unsafe fix).
    prefer: str = "def"
    #: The async HTTP library requests calls are swapped to: ``httpx`` or ``httpx2``.
    http_library: str = "httpx"
    #: User blocking APIs from config: (qualified name, category) pairs.
    extra_blocking: tuple[tuple[str, str], ...] = ()
    #: gitignore-style globs, relative to the project root, of files to leave alone.
    exclude: tuple[str, ...] = ()
    #: Whether to look for the environment the project installs its libraries in.
    deps: bool = True
    #: The project's interpreter or environment folder, as given (``--python`` made absolute;
    #: the ``python`` setting relative to its ``pyproject.toml``); ``None``: look for one.
    python: str | None = None
    #: The ``site-packages`` folders of the project's environment (set by the runner from the
    #: environment it found): calls into the libraries installed there are followed.
    libraries: tuple[str, ...] = ()
    #: Changes when a library is installed, upgraded or removed (the folders' modification
    #: times), so cached results of an earlier set of libraries are not served.
    libraries_stamp: int = 0
    #: Whether library answers stored by earlier runs are read (and new ones kept): off with ``--no-cache``.
    library_summaries: bool = False
    #: Blocking calls held back: a finding whose every call is here is left out, neither reported
    #: nor fixed, as if suppressed by a comment (a ``--baseline`` file's findings, those a reviewer
    #: skipped with ``--interactive``); one more call makes it a new finding.
    held_back: frozenset[HeldCall] = frozenset()


@dataclass(frozen=True)
class Outcome:
    """A file's result plus what the runner needs to write it back safely."""

    result: FileResult
    encoding: str = "utf-8"
    digest: str = ""
    written: bool = False
    #: The unified diff of ``result``'s change, made by the worker that analysed the file (in
    #: parallel, and kept with the cached outcome: a warm run prints it without diffing
    #: again); empty when unchanged, or when a replaced result no longer matches it.
    patch: bytes = b""


def merged_fix_sites(results: list[FileResult]) -> dict[str, tuple[str, ...]]:
    """Async helper key -> the functions whose blocking it resolves (runner pass 3)."""
    merged: dict[str, list[str]] = {}
    for result in results:
        for key, who in result.fix_sites:
            merged.setdefault(key, [])
            if who not in merged[key]:
                merged[key].append(who)
    return {key: tuple(value) for key, value in merged.items()}


def carry_library_counts(earlier: Outcome | None, later: Outcome) -> Outcome:
    """A file analysed again in a later round keeps what its first analysis followed in the
    libraries: the process answers the second from memory, and the summary counts both."""
    if earlier is None or not (earlier.result.library_functions or earlier.result.summaries_reused):
        return later
    first, again = earlier.result, later.result
    followed = tuple(dict.fromkeys([*first.library_functions, *again.library_functions]))
    return replace(later, result=replace(again, library_functions=followed,
                                         summaries_reused=first.summaries_reused + again.summaries_reused))
