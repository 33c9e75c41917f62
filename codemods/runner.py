"""Run the analysis over files and (only here) write results.

Reading and analysis: :mod:`codemods.pipeline`. Writing (``--apply`` only):
re-check that the file is still what was read, encode with its original
encoding, write a temporary file beside it and ``os.replace`` it over the
original, so a reader sees the old or the new file, never half of one. A file
with no change is never opened for writing. In a git repository, files with
uncommitted changes are refused (unless allowed), and ``--commit`` puts the
rewrites on a new branch, one commit per project or per CODEOWNERS owner,
without touching the working tree (:mod:`codemods.vcs`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from .commits import linked_groups
from .discovery import discover, group_by_project
from .environment import Distribution, Environment, distributions
from .interrupts import Terminated, interrupted
from .models import FileError, FileResult, HeldCall, Outcome
from .paths import display_path
from .projects import environments as find_environments
from .projects import libraries_stamp, project_paths
from .sourcefile import SourceError, digest, encode

__all__ = ["Outcome", "RunOptions", "RunReport", "display_path", "run", "write_outcome"]


class RunError(Exception):
    """The run cannot go ahead (nothing was written); the message says why."""


class Interrupted(Exception):
    """SIGINT or SIGTERM arrived; every file is either untouched or fully rewritten."""

    def __init__(self, signal_number: int, written: list[str], not_written: list[str]) -> None:
        super().__init__(f"interrupted by signal {signal_number}")
        self.exit_status = 128 + signal_number
        self.written = written
        self.not_written = not_written


_Terminated = Terminated


def install_sigterm_handler() -> None:
    """Turn SIGTERM into :class:`Terminated` for the whole run (the write phase refines it)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return

    def terminate(signal_number: int, frame: object) -> None:
        raise Terminated(signal_number)

    signal.signal(signal.SIGTERM, terminate)


@dataclass(frozen=True)
class RunOptions:
    paths: tuple[Path, ...] = (Path("."),)
    overrides: dict[str, Any] = field(default_factory=dict)
    apply: bool = False
    jobs: int | None = None
    exclude: tuple[str, ...] = ()
    changed_since: str | None = None
    allow_dirty: bool = False
    commit: bool = False
    branch: str | None = None
    split_by: str = "project"
    use_cache: bool = True
    #: Blocking calls to hold back (``--baseline``, a review's skips): see ``Settings.held_back``.
    held_back: frozenset[HeldCall] = frozenset()
    #: ``paths`` are files to report and fix; the analysis reads the whole project of each
    #: (pre-commit passes only the files a commit changes).
    whole_project: bool = False


@dataclass
class RunReport:
    outcomes: list[Outcome]
    #: Project root of each outcome, in the same order.
    projects: list[Path]
    #: ``--commit``: the branch and its commits (title, id).
    branch: str | None = None
    commits: list[tuple[str, str]] = field(default_factory=list)
    #: Each project root's environment (``None``: not looked for, or none found).
    environments: dict[Path, Environment | None] = field(default_factory=dict)
    #: The files reported on and fixed, when not every file read (``--changed-since``, ``--whole-project``).
    reported: set[Path] | None = None

    def installed(self) -> dict[Path, tuple[Distribution, ...]]:
        """What each environment (by its folder) installs, read once however many projects share
        it. Only the JSON summary counts them, so other runs (a warm one) never read them."""
        return {env.path: distributions(env.site_packages) for env in set(self.environments.values())
                if env is not None}


def _repository(paths: tuple[Path, ...]) -> Any:
    """The repository holding the paths (not the current folder's): a path in another
    checkout, or outside git, is walked instead."""
    from .vcs import Repository

    repo = Repository.find(paths[0].resolve())
    if repo is not None and not all(p.resolve().is_relative_to(repo.root) for p in paths):
        return None
    return repo


def refuse_uncommitted(options: RunOptions, files: list[Path], repo: Any = False) -> None:
    """Refuse to rewrite files with uncommitted changes (unless allowed): checked before anything
    is written, and by ``--interactive`` before it asks anything. ``repo``: found if not given."""
    if options.allow_dirty or not files:
        return
    repo = _repository(options.paths) if repo is False else repo
    dirty = repo.dirty(files) if repo is not None else []
    if dirty:
        shown = ", ".join(display_path(p) for p in dirty)
        raise RunError(f"uncommitted changes in files the fix would rewrite: {shown} "
                       "(commit or stash them, or pass --allow-dirty); nothing was written")


def write_outcome(outcome: Outcome, path: Path) -> Outcome:
    """Write ``outcome``'s new text over ``path`` atomically; report, never raise."""
    result = outcome.result
    if not result.changed or result.new_text is None:
        return outcome
    try:
        if path.is_symlink():
            # Discovery hands over real paths: a link here appeared after the file was read.
            return _failed(outcome, "became a symbolic link since it was read; not written through")
        if not stat.S_IMODE(path.resolve().stat().st_mode) & stat.S_IWUSR:
            return _failed(outcome, "read-only; not written")
        current = path.read_bytes()
        if digest(current) != outcome.digest:
            return _failed(outcome, "changed on disk since it was read; skipped")
        data = encode(result.new_text, outcome.encoding)
        _atomic_write(path, data)
    except FileNotFoundError:
        return _failed(outcome, "deleted since it was read; skipped")
    except SourceError as error:
        return _failed(outcome, str(error))
    except OSError as error:
        return _failed(outcome, f"cannot write: {error.strerror or error}; original left intact")
    return replace(outcome, written=True)


def _failed(outcome: Outcome, message: str) -> Outcome:
    result = outcome.result
    findings = tuple(replace(f, fixed=False) for f in result.findings)
    failed = replace(result, findings=findings, new_text=None, error=FileError(result.path, message))
    return replace(outcome, result=failed, patch=b"")


def _atomic_write(path: Path, data: bytes) -> None:
    """Signals wait until the file is wholly replaced (or its temporary copy removed)."""
    import signal

    blocked = {signal.SIGINT, signal.SIGTERM}
    can_block = hasattr(signal, "pthread_sigmask") and _main_thread()
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, blocked) if can_block else None
    try:
        _replace(path, data)
    finally:
        if previous is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _replace(path: Path, data: bytes) -> None:
    # Through a symlink, rewrite the file it points to and keep the link a link.
    path = path.resolve()
    info = path.stat()
    mode = stat.S_IMODE(info.st_mode)
    # The name is chosen before the file exists, so whatever interrupts can clean it up.
    temp_name = str(path.parent / f".{path.name}.{os.urandom(6).hex()}.unblock-tmp")
    try:
        handle = os.open(temp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, mode)
        if hasattr(os, "chown") and (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
            try:  # keep the owner (possible as root, e.g. in a container over a mounted checkout)
                os.chown(temp_name, info.st_uid, info.st_gid)
            except PermissionError:
                pass
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise


def run(options: RunOptions, progress: Callable[[int], None] | None = None,
        on_total: Callable[[int], None] | None = None,
        on_write: Callable[[str], None] | None = None) -> RunReport:
    """Analyse (and with ``apply``, fix) the files under ``options.paths``.

    ``on_write`` hears the display path of each file as soon as it is rewritten,
    so a caller interrupted after the write phase can still say what changed.

    Every project's ``[tool.fastapi-unblock]`` table is read and validated
    first: a broken configuration raises :class:`~codemods.config.ConfigError`
    before any file is analysed or written.
    """
    from . import cache
    from .config import load_settings
    from .discovery import exclude_matcher

    repo = _repository(options.paths)
    paths, wanted = project_paths(options, repo)
    files, refused, listed = discover(paths, options.exclude, repo)
    by_project = group_by_project(files, list(paths))
    settings = {root: replace(load_settings(root, options.overrides),
                              held_back=frozenset(k for k in options.held_back if Path(k[0]).is_relative_to(root)))
                for root in by_project}
    projects: dict[Path, list[Path]] = {}
    for root, members in by_project.items():
        matches = exclude_matcher(list(settings[root].exclude))
        kept_here = [p for p in members if matches is None or not matches(os.path.relpath(p, root))]
        if kept_here:
            projects[root] = kept_here
    environments = find_environments(projects, settings, from_flag="python" in options.overrides)
    for root, environment in environments.items():
        if environment is not None:
            settings[root] = replace(settings[root], libraries=tuple(str(p) for p in environment.site_packages),
                                     libraries_stamp=libraries_stamp(environment.site_packages),
                                     library_summaries=options.use_cache)
    kept = [p for members in projects.values() for p in members]
    only = None
    if options.changed_since is not None:
        if repo is None:
            raise RunError("--changed-since needs a git repository")
        only = repo.changed_since(options.changed_since)
    if wanted is not None:
        only = wanted if only is None else only & wanted
    if on_total is not None:
        on_total(len(kept))
    targets = [p.resolve() for p in paths if p.is_dir()]
    keys = cache.project_keys(projects, settings, only, repo, (listed, targets)) if options.use_cache else {}
    found = cache.load_projects(projects, keys) if options.use_cache else {}
    todo = [p for root, members in projects.items() if root not in found for p in members]
    fresh: dict[Path, Outcome] = {}
    if todo:  # a warm run over unchanged projects never imports the analysis
        from .pipeline import analyse_files

        groups = {root: members for root, members in projects.items() if root not in found}
        fresh = dict(zip(todo, analyse_files(todo, settings.__getitem__, options.jobs, only, progress,
                                                  use_cache=options.use_cache, projects_of=groups)))
    for root, members in projects.items():
        if root in found:
            fresh.update(zip(members, found[root]))
            if progress is not None:
                progress(len(members))
        elif options.use_cache and (key := keys[root]) is not None and not any(
                (error := fresh[p].result.error) is not None and error.internal for p in members):
            cache.store(key, [fresh[p] for p in members])
    roots = {path: root for root, members in projects.items() for path in members}
    outcomes = [fresh[p] for p in kept] + [Outcome(FileResult(e.path, error=e)) for e in refused]
    report = RunReport(outcomes, [roots[p] for p in kept] + [Path.cwd()] * len(refused),
                       environments=environments, reported=only)
    if not options.apply:
        return report
    changed = [(path, o) for path, o in zip(kept, outcomes) if o.result.changed]
    refuse_uncommitted(options, [path for path, _ in changed], repo)
    if options.commit:
        if repo is None:
            raise RunError("--commit needs a git repository")
        _commit(report, repo, kept, options)
        return report
    written = _write_all(changed, on_write)
    report.outcomes = [written.get(path, o) for path, o in zip(kept, outcomes)] + outcomes[len(kept):]
    return report


def write_text(path: Path, text: str) -> None:
    """Write a file of the tool's own (a baseline) atomically, as UTF-8; created if missing."""
    path = path.resolve()
    temp_name = str(path.parent / f".{path.name}.{os.urandom(6).hex()}.unblock-tmp")
    try:
        with open(temp_name, "w", encoding="utf-8", newline="\n") as temp:
            temp.write(text)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise


def _write_all(changed: list[tuple[Path, Outcome]],
               on_write: Callable[[str], None] | None = None) -> dict[Path, Outcome]:
    """Write each file atomically; on SIGINT/SIGTERM stop between files and say what was done."""
    import signal

    def terminate(signal_number: int, frame: object) -> None:
        raise _Terminated(signal_number)

    previous = signal.signal(signal.SIGTERM, terminate) if _main_thread() else None
    can_block = hasattr(signal, "pthread_sigmask") and _main_thread()
    done: dict[Path, Outcome] = {}
    try:
        if interrupted():  # a Ctrl-C the interpreter dropped during start-up (see :mod:`.interrupts`)
            raise KeyboardInterrupt
        for group in linked_groups(changed):
            # Signals wait while one file (or one set of files that must change together) is
            # written and recorded: the summary then names exactly the files that were rewritten.
            mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM}) if can_block else None
            try:
                done.update(_write_group(group))
                for path, _outcome in group:
                    if on_write is not None and done[path].written:
                        on_write(display_path(path))
            finally:
                if mask is not None:
                    signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    except (KeyboardInterrupt, _Terminated) as stop:
        number = stop.args[0] if isinstance(stop, _Terminated) else signal.SIGINT
        written = [display_path(p) for p, o in done.items() if o.written]
        pending = [display_path(p) for p, _ in changed if p not in done or not done[p].written]
        raise Interrupted(int(number), written, pending) from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return done


def _write_group(group: list[tuple[Path, Outcome]]) -> dict[Path, Outcome]:
    """Write every file of ``group``, or (restoring what was written) none of them."""
    members = {str(path) for path, _ in group}
    missing = {c for _, o in group for c, _f in o.result.caller_requests if c not in members}
    if missing:
        shown = ", ".join(sorted(display_path(Path(m)) for m in missing))
        return {path: _failed(o, f"its callers in {shown} would not change with it; not written") for path, o in group}
    done: dict[Path, Outcome] = {}
    originals: dict[Path, bytes] = {}
    for path, outcome in group:
        if len(group) > 1:
            try:
                originals[path] = path.read_bytes()
            except OSError:
                pass  # write_outcome reports it
        done[path] = write_outcome(outcome, path)
        if not done[path].written:
            break
    failed = [path for path, o in done.items() if not o.written]
    if not failed:
        return done
    why = f"{display_path(failed[0])} must change with it and could not; left as it was"
    for path, outcome in group:
        if path in done and done[path].written:
            _atomic_write(path, originals[path])
        if path not in done or done[path].written:
            done[path] = _failed(outcome, why)
    return done


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _commit(report: RunReport, repo: Any, files: list[Path], options: RunOptions) -> None:
    from .commits import NoCodeowners, commit_groups, free_branch

    try:
        groups = commit_groups(repo, files, report.outcomes, report.projects, options.split_by)
    except NoCodeowners as error:
        raise RunError(str(error)) from None
    if not groups:
        return
    branch = options.branch or free_branch(repo, f"fastapi-unblock/{date.today().isoformat()}")
    report.branch = branch
    ids = repo.commit_on_new_branch(branch, groups)
    report.commits = [(group.title, commit) for group, commit in zip(groups, ids)]
    report.outcomes = [replace(o, written=o.result.changed) for o in report.outcomes]
