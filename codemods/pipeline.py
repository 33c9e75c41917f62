"""The analysis passes over a set of files, in parallel worker processes. Reads only.

Per project (files grouped by their nearest ``pyproject.toml``/``.git``):

1. registrations, from every file that can hold them (a cheap byte search
   decides); every other file with async code is only checked for syntax
   errors (with ``symtable``: no Python AST objects are built), and a file
   with neither is parsed only if the analysis reads it;
2. analysis of the files that hold a registered function (or all async
   functions with ``--all-async``), with the merged registry; the callers of
   a function a fix is planned for are looked up then, in the project's files
   that name it;
3. the files of async helpers that block on behalf of registered functions,
   re-analysed with those helpers in scope, so the fix lands where the
   blocking call is.

Each worker keeps one :class:`~codemods.engine.ProjectAnalysis` per project,
so a module is parsed once per process however many passes need it. Projects
are analysed in batches, and the workers of a batch (with what they hold) end
with it, so memory follows the largest batch, not the whole tree. The outcomes
do not depend on the number of workers or on the batching.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from operator import itemgetter
from pathlib import Path

from . import cache, rewrite_memo
from .analysis.body_memo import forget_bodies
from .analysis.registry import Registration, merge
from .analysis.roots import forget_projects
from .analysis.summaries import NewSummary
from .diffing import unified_diff
from .discovery import group_by_project
from .engine import ProjectAnalysis
from .first_pass import Found, read_source, scan_file
from .models import FileError, FileResult, Outcome, Settings, carry_library_counts, internal_error, merged_fix_sites
from .paths import display_path
from .report import render_json
from .sourcefile import SourceError, decode
from .workers import Runner, in_batches

#: Rounds of pass 3 at most (each may reveal async helpers one level deeper).
_MAX_ROUNDS = 8
_PROJECTS: dict[tuple[Path, Settings], ProjectAnalysis] = {}
#: Whether this module froze the collector's view of the heap at the end of the last run.
_FROZEN: list[bool] = []


def _project(root: Path, settings: Settings) -> ProjectAnalysis:
    key = (root, settings)
    if key not in _PROJECTS:
        _PROJECTS[key] = ProjectAnalysis(root, settings)
    return _PROJECTS[key]


def _task(call: tuple[Callable, tuple]) -> tuple[object, dict[Path, str], set[Path]]:  # type: ignore[type-arg]
    """Run one pass over one chunk (in a worker); with its results, the project files the
    chunk's analysis read that do not parse (each reported once, see :func:`_report_unparsable`),
    and the files whose functions this worker analysed for it (see :meth:`.Runner.map`)."""
    function, (root, settings, *rest) = call
    result = function((root, settings, *rest))
    project = _PROJECTS.get((root, settings))
    if project is None:
        return result, {}, set()
    return result, project.index.take_unparsable(), project.take_analysed()


def _pass_one(args: tuple[Path, Settings, list[Path]]) -> list[Found]:
    root, settings, paths = args
    return [scan_file(path, lambda: _project(root, settings)) for path in paths]


@dataclass(frozen=True)
class _Context:
    """What pass 2 and 3 need from pass 1, shipped once per chunk."""

    registry: Mapping[str, Registration]
    forced: Mapping[str, tuple[str, ...]]
    #: File -> keys of functions converted to ``def`` whose calls in that file change with them.
    rewrites: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Function key -> why it stays async (a caller could not be rewritten).
    keep_async: Mapping[str, str] = field(default_factory=dict)
    #: The project's files: where the callers of a function planned for ``def`` are looked for.
    members: tuple[Path, ...] = ()


def process_file(root: Path, settings: Settings, path: Path, context: _Context) -> Outcome:
    shown = display_path(path)
    data = read_source(path)
    if isinstance(data, FileError):
        return Outcome(FileResult(shown, error=data))
    try:
        decoded = decode(data)
    except SourceError as error:
        return Outcome(FileResult(shown, error=FileError(shown, str(error))))
    project = _project(root, settings)
    project.caller_sites.use_members(context.members)
    try:
        result = project.analyse(path, decoded.text, shown, context.registry, context.forced,
                                 rewrites=context.rewrites.get(str(path), ()), keep_async=context.keep_async)
    except Exception as error:  # noqa: BLE001 -- a bug of ours: this file's error, not the batch's
        return Outcome(FileResult(shown, error=internal_error(shown, "analysing it", error)))
    patch = unified_diff(result.old_text, result.new_text, shown, decoded.encoding) if result.new_text else b""
    for finding in result.findings:
        render_json(finding)  # here, in parallel; kept with the outcome and its cache entry
    return Outcome(result, encoding=decoded.encoding, digest=decoded.digest, patch=patch)


def _pass_two(args: tuple[Path, Settings, list[Path], _Context]) -> list[Outcome]:
    root, settings, paths, context = args
    return [process_file(root, settings, path, context) for path in paths]


def _files_of(keys: Mapping[str, object]) -> set[str]:
    return {_file_of(key) for key in keys}


def _file_of(key: str) -> str:
    """The file of a function key (``path:qualname``)."""
    return key.rsplit(":", 1)[0]


@dataclass
class _Project:
    root: Path
    members: list[Path]
    settings: Settings
    registry: Mapping[str, Registration] = field(default_factory=dict)
    forced: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rewrites: dict[str, tuple[str, ...]] = field(default_factory=dict)
    keep_async: dict[str, str] = field(default_factory=dict)
    #: Files the run may rewrite (analysed, not generated, within ``only``).
    writable: set[str] = field(default_factory=set)
    #: Files read for the analysis (helpers) that do not parse, and why (see :func:`_report_unparsable`).
    unparsable: dict[Path, str] = field(default_factory=dict)
    #: Library answers worked out this run, to keep for later runs (a file analysed again in a
    #: later round has a new result, and its first one carried them).
    library_summaries: list[NewSummary] = field(default_factory=list)


def analyse_files(
    paths: list[Path],
    settings_for: Callable[[Path], Settings],
    jobs: int | None = None,
    only: set[Path] | None = None,
    progress: Callable[[int], None] | None = None,
    use_cache: bool = False,
    projects_of: dict[Path, list[Path]] | None = None,
) -> Iterator[Outcome]:
    """Outcomes in the order of ``paths``; the same for any number of ``jobs``.

    Each pass runs for every project of a batch at once (one round of parallel
    tasks per pass, not per project), so a monorepo of many small services keeps
    both cores busy; batches run one after another, each released before the
    next (:func:`~codemods.workers.in_batches`). ``only`` limits passes 2 and 3 (findings and fixes) to those
    files; pass 1 still reads every project whole, since a registration may sit
    anywhere. With ``use_cache``, pass 1 skips the files it found plain in an earlier
    run and that are unchanged since (same size, mtime and ctime). ``projects_of``
    replaces the grouping by nearest ``pyproject.toml``.
    """
    # Analyses kept from an earlier run in this process would answer from stale text (worker
    # processes fork from here, so they start clean too).
    if _FROZEN:
        gc.unfreeze()
        _FROZEN.clear()
    _PROJECTS.clear()
    forget_bodies()
    forget_projects()
    groups = group_by_project(paths) if projects_of is None else projects_of
    projects = [_Project(root, members, settings_for(root)) for root, members in groups.items()]
    outcomes: dict[Path, Outcome] = {}
    # The parsed modules are kept while their batch of projects is analysed (each is parsed
    # once): with the cyclic GC on, its collections walk every kept tree again and again (over
    # half the CPU time of a large run). Trees hold no cycles; the workers never collect.
    collecting = gc.isenabled()
    gc.disable()
    try:
        batches = in_batches(projects, lambda project: len(project.members))
        for number, batch in enumerate(batches, start=1):
            runner = Runner(jobs or os.cpu_count() or 1, sum(len(p.members) for p in batch))
            finished = False
            try:
                _passes(runner, batch, outcomes, only, progress, use_cache)
                finished = True
            finally:
                # Workers end with their batch, and with them what they held; so does this process.
                runner.close(abort=not finished)
                for project in batch:
                    _PROJECTS.pop((project.root, project.settings), None)
                forget_bodies()
                rewrite_memo.forget()
            if number < len(batches):
                gc.collect()  # what the batch held here, cycles included, before the next one grows
    finally:
        if collecting:
            # What the last batch kept (trees parsed in this process) is never walked again by
            # the collector (measured: -j 1, 7.7 s -> 5.3 s); freeing it instead costs 0.35 s.
            # The next run in this process unfreezes it, so nothing leaks across runs.
            gc.freeze()
            _FROZEN.append(True)
            gc.enable()
    for path in paths:
        yield outcomes[path]


def _run_tasks(runner: Runner, function: Callable, work: list[tuple[_Project, list[Path], tuple]]) -> list:  # type: ignore[type-arg]
    """Run ``function`` over (project, chunk, extra args) tasks; results in task order. The
    files each task found unparsable are kept on their project. A round of analysis (pass 2 and
    3) with fewer chunks than workers sends each to the worker that analysed most of its files."""
    tasks = [(function, (project.root, project.settings, chunk, *extra)) for project, chunk, extra in work]
    about = [tuple(path.resolve() for path in chunk) for _, chunk, _ in work] \
        if function is _pass_two and runner.workers else None
    results = []
    for (project, _chunk, _extra), (result, unparsable, _analysed) in zip(
            work, runner.map(_task, tasks, about, analysed=itemgetter(2))):
        project.unparsable.update(unparsable)
        results.append(result)
    return results


def _passes(
    runner: Runner,
    projects: list[_Project],
    outcomes: dict[Path, Outcome],
    only: set[Path] | None,
    progress: Callable[[int], None] | None,
    use_cache: bool = False,
) -> None:
    found: dict[Path, Found] = {}
    signatures, known = _plain_from_cache(projects, found) if use_cache else ({}, {})
    scans = [(project, chunk, ()) for project in projects
             for chunk in runner.chunks([p for p in project.members if p not in found])]
    for (project, chunk, _), results in zip(scans, _run_tasks(runner, _pass_one, scans)):
        found.update(zip(chunk, results))
    if use_cache:
        _store_plain(projects, found, signatures, known)
    # A registration also belongs to the project of the file it names, whichever project's pass 1
    # found it: a workspace's shared app factory registers the lifespan a service passes it.
    by_file: dict[str, list[tuple[int, Registration]]] = {}
    for number, project in enumerate(projects):
        for path in project.members:
            for registration in found[path].registrations:
                by_file.setdefault(_file_of(registration.key), []).append((number, registration))
    for number, project in enumerate(projects):
        own = [r for p in project.members for r in found[p].registrations]
        others = [r for p in project.members for n, r in by_file.get(str(p), ()) if n != number]
        project.registry = merge([*own, *others])
    todo: list[tuple[_Project, list[Path]]] = []
    for project in projects:
        in_scope = _files_of(project.registry)
        wanted_files = []
        for path in project.members:
            scanned = found[path]
            wanted = only is None or path in only
            if scanned.error is not None:
                outcomes[path] = Outcome(FileResult(display_path(path), error=scanned.error if wanted else None))
            elif scanned.skipped is not None:
                outcomes[path] = Outcome(FileResult(display_path(path), skipped=scanned.skipped))
            elif wanted and (project.settings.all_async or str(path) in in_scope):
                wanted_files.append(path)
            else:
                outcomes[path] = Outcome(FileResult(display_path(path)))
            if wanted and scanned.error is None and scanned.skipped is None:
                project.writable.add(str(path))
        todo.append((project, wanted_files))
        if progress is not None:
            progress(len(project.members) - len(wanted_files))
    _analyse(runner, [(p, files) for p, files in todo], outcomes, progress)
    # Later rounds, until nothing new appears: (pass 3) async helpers that block on behalf of
    # registered functions are fixed where the blocking call is, which may reveal helpers one
    # level deeper; functions converted to ``def`` get their callers in other files rewritten,
    # and when a caller cannot change, the conversion is withdrawn.
    for _round in range(_MAX_ROUNDS * 2):
        again = [(project, files) for project in projects if (files := _next_round(project, outcomes, only))]
        if not again:
            break
        _analyse(runner, again, outcomes, None)
    for project in projects:
        _withhold_unwritable_sites(project, outcomes)
    _report_unparsable(projects, outcomes, only)
    if use_cache:
        cache.store_library_summaries([s for project in projects for s in project.library_summaries])


def _report_unparsable(projects: list[_Project], outcomes: dict[Path, Outcome], only: set[Path] | None) -> None:
    """A file pass 1 did not parse (nothing in its text could matter) that the analysis read
    as a helper and found broken is reported as pass 1 reports a syntax error."""
    for project in projects:
        if not project.unparsable:
            continue
        members = {path.resolve(): path for path in project.members}
        for resolved, why in sorted(project.unparsable.items()):
            path = members.get(resolved)
            if path is None or (only is not None and path not in only) or outcomes[path].result.error is not None:
                continue
            shown = display_path(path)
            outcomes[path] = replace(outcomes[path], result=replace(outcomes[path].result, error=FileError(shown, why)))


def _withhold_unwritable_sites(project: _Project, outcomes: dict[Path, Outcome]) -> None:
    """A finding fixed in an async helper of a file this run leaves alone (``--changed-since``,
    ``--whole-project``: not among the files given) is not fixed: say so, and where the fix goes."""
    for path in project.members:
        result = outcomes[path].result
        away = {who: key.rsplit(":", 1)[0] for key, who in result.fix_sites if key.rsplit(":", 1)[0] not in project.writable}
        if not away:
            continue
        findings = []
        for finding in result.findings:
            site = next((file for who, file in away.items() if who.startswith(f"{finding.path}:{finding.line} ")), None)
            if site is not None and finding.fixed:
                why = f"{finding.fix.reason}; not fixed: that is in {display_path(Path(site))}, which this run leaves alone"
                finding = replace(finding, fixed=False, fix=replace(finding.fix, reason=why))
            findings.append(finding)
        outcomes[path] = replace(outcomes[path], result=replace(result, findings=tuple(findings)))


def _next_round(project: _Project, outcomes: dict[Path, Outcome], only: set[Path] | None) -> list[Path]:
    """The files of ``project`` to analyse again, after updating what other files ask of them."""
    results = [outcomes[p].result for p in project.members]
    files: set[str] = set()
    found_sites = merged_fix_sites(results)
    if not set(found_sites) <= set(project.forced):
        # A file's analysis reads only its own functions' entries: the others need no new round.
        files |= _files_of({key: who for key, who in found_sites.items() if project.forced.get(key) != who})
        project.forced = {**project.forced, **found_sites}
    wanted: dict[str, set[str]] = {}
    for result in results:
        for path, key in result.caller_requests:
            wanted.setdefault(path, set()).add(key)
    failed: dict[str, str] = {}
    for result in results:
        for key in result.caller_failures:
            failed.setdefault(key, f"a call of it in {result.path} cannot be rewritten")
    for path, keys in wanted.items():
        if path not in project.writable:
            for key in keys:
                failed.setdefault(key, f"called as a coroutine in {display_path(Path(path))}, which this run leaves alone")
    withdrawn = {key: why for key, why in failed.items() if key not in project.keep_async}
    if withdrawn:
        project.keep_async.update(withdrawn)
        files |= _files_of(withdrawn)
    rewrites = {path: tuple(sorted(k for k in keys if k not in project.keep_async)) for path, keys in wanted.items()}
    rewrites = {path: keys for path, keys in rewrites.items() if keys}
    files |= {p for p in {*rewrites, *project.rewrites} if rewrites.get(p) != project.rewrites.get(p)}
    project.rewrites = rewrites
    return [p for p in project.members if str(p) in files and (only is None or p in only)]


Plain = dict[Path, dict[str, cache.Signature]]


def _plain_from_cache(projects: list[_Project], found: dict[Path, Found]
                      ) -> tuple[dict[Path, cache.Signature | None], Plain]:
    """Fill ``found`` with the files still plain since the last run; the signatures of all."""
    signatures: dict[Path, cache.Signature | None] = {}
    known: Plain = {}
    for project in projects:
        known[project.root] = plain = cache.plain_files(project.root)
        for path in project.members:
            signatures[path] = signature = cache.signature(path)  # before any read: a later change shows
            if signature is not None and plain.get(str(path)) == signature:
                found[path] = Found(plain=True)
    return signatures, known


def _store_plain(projects: list[_Project], found: dict[Path, Found],
                 signatures: dict[Path, cache.Signature | None], known: Plain) -> None:
    for project in projects:
        plain = {str(p): s for p in project.members if found[p].plain and (s := signatures[p]) is not None}
        if plain != known[project.root]:
            cache.store_plain_files(project.root, plain)


def _analyse(
    runner: Runner,
    todo: list[tuple[_Project, list[Path]]],
    outcomes: dict[Path, Outcome],
    progress: Callable[[int], None] | None,
) -> None:
    work = [(project, chunk, (_Context(project.registry, project.forced, project.rewrites,
                                       project.keep_async, tuple(project.members)),))
            for project, files in todo for chunk in runner.chunks(files)]
    for (project, chunk, _), results in zip(work, _run_tasks(runner, _pass_two, work)):
        project.library_summaries += [s for outcome in results for s in outcome.result.library_summaries]
        outcomes.update((path, carry_library_counts(outcomes.get(path), outcome))
                        for path, outcome in zip(chunk, results))
        if progress is not None:
            progress(len(chunk))
