"""Run the engine over files, in parallel, and (only here) write results.

Reading: bytes -> :mod:`codemods.sourcefile` -> :func:`codemods.engine.analyse_source`.
Writing (``--apply`` only): re-check that the file is still what was read,
encode with its original encoding, write a temporary file beside it and
``os.replace`` it over the original, so a reader sees the old or the new file,
never half of one. A file with no change is never opened for writing.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .analysis.fastapi_app import Registration, merge
from .analysis.project import find_project_root
from .analysis.callers import HINTS as CALLER_HINTS
from .analysis.callers import CallSite
from .engine import ProjectAnalysis, merge_call_sites, merge_fix_sites
from .models import FileError, FileResult, Settings
from .sourcefile import SourceError, decode, digest, encode

#: Below this many candidate files a process pool costs more than it saves.
_PARALLEL_THRESHOLD = 48


@dataclass(frozen=True)
class Outcome:
    """A file's result plus what the runner needs to write it back safely."""

    result: FileResult
    encoding: str = "utf-8"
    digest: str = ""
    written: bool = False


def display_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


#: Text that makes a file worth reading for registrations (pass 1).
_REGISTRATION_HINTS = (b"fastapi", b"starlette", b"async")

# Per-process analysis state, one per (project root, settings): worker
# processes keep their index and memo across the chunks they are given.
_PROJECTS: dict[tuple[Path, Settings], ProjectAnalysis] = {}


def _project(root: Path, settings: Settings) -> ProjectAnalysis:
    key = (root, settings)
    if key not in _PROJECTS:
        _PROJECTS[key] = ProjectAnalysis(root, settings)
    return _PROJECTS[key]


def _read(path: Path) -> bytes | FileError:
    shown = display_path(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return FileError(shown, "no such file")
    except IsADirectoryError:
        return FileError(shown, "is a directory")
    except OSError as error:
        return FileError(shown, f"cannot read: {error.strerror or error}")


def _registrations_of(root: Path, settings: Settings, path: Path) -> tuple[list[Registration], list[CallSite]]:
    data = _read(path)
    if isinstance(data, FileError) or not any(hint in data for hint in _REGISTRATION_HINTS + CALLER_HINTS):
        return [], []
    try:
        text = decode(data).text
    except SourceError:
        return [], []
    project = _project(root, settings)
    return project.registrations(path, text), project.call_sites(path, text)


def process_file(
    root: Path,
    settings: Settings,
    path: Path,
    registry: Mapping[str, Registration],
    callers: Mapping[str, tuple[str, ...]],
    forced: Mapping[str, tuple[str, ...]] | None = None,
) -> Outcome:
    shown = display_path(path)
    data = _read(path)
    if isinstance(data, FileError):
        return Outcome(FileResult(shown, error=data))
    if b"async" not in data and not settings.all_async:
        return Outcome(FileResult(shown))
    try:
        decoded = decode(data)
    except SourceError as error:
        return Outcome(FileResult(shown, error=FileError(shown, str(error))))
    result = _project(root, settings).analyse(path, decoded.text, shown, registry, callers, forced)
    return Outcome(result, encoding=decoded.encoding, digest=decoded.digest)


def _pass_one(args: tuple[Path, Settings, list[Path]]) -> tuple[list[Registration], list[CallSite]]:
    root, settings, paths = args
    registrations: list[Registration] = []
    sites: list[CallSite] = []
    for path in paths:
        found, called = _registrations_of(root, settings, path)
        registrations += found
        sites += called
    return registrations, sites


_Sites = Mapping[str, tuple[str, ...]]
_Pass2 = tuple[Path, Settings, list[Path], Mapping[str, Registration], _Sites, _Sites]


def _pass_two(args: _Pass2) -> list[Outcome]:
    root, settings, paths, registry, callers, forced = args
    return [process_file(root, settings, path, registry, callers, forced) for path in paths]


def _chunks(paths: list[Path], jobs: int) -> list[list[Path]]:
    size = max(8, len(paths) // (jobs * 8) + 1)
    return [paths[i : i + size] for i in range(0, len(paths), size)]


def group_by_project(paths: list[Path]) -> dict[Path, list[Path]]:
    """Files grouped by the project root (nearest ``pyproject.toml``/``.git``) they belong to."""
    by_root: dict[Path, list[Path]] = {}
    roots: dict[Path, Path] = {}
    for path in paths:
        folder = path.parent.resolve()
        if folder not in roots:
            roots[folder] = find_project_root(folder)
        by_root.setdefault(roots[folder], []).append(path)
    return by_root


def analyse_files(
    paths: list[Path], settings_for: Callable[[Path], Settings], jobs: int | None = None
) -> Iterator[Outcome]:
    """Outcomes in the order of ``paths``; the same for any number of ``jobs``."""
    jobs = jobs or os.cpu_count() or 1
    outcomes: dict[Path, Outcome] = {}
    parallel = jobs > 1 and len(paths) >= _PARALLEL_THRESHOLD
    pool = ProcessPoolExecutor(max_workers=jobs) if parallel else None
    try:
        for root, members in group_by_project(paths).items():
            settings = settings_for(root)
            chunks = _chunks(members, jobs) if pool else [members]
            first = [(root, settings, chunk) for chunk in chunks]
            found = list(pool.map(_pass_one, first) if pool else map(_pass_one, first))
            registry = merge([r for part, _sites in found for r in part])
            callers = merge_call_sites([s for _part, sites in found for s in sites], Path.cwd())
            second = [(root, settings, chunk, registry, callers, {}) for chunk in chunks]
            results = pool.map(_pass_two, second) if pool else map(_pass_two, second)
            for chunk, chunk_outcomes in zip(chunks, results):
                outcomes.update(zip(chunk, chunk_outcomes))
            # Pass 3: async helpers that block on behalf of registered functions are fixed
            # where the blocking call is; re-analyse their files with them in scope.
            forced = merge_fix_sites([outcomes[p].result for p in members])
            sites = {key.rsplit(":", 1)[0] for key in forced}
            again = [p for p in members if str(p.resolve()) in sites]
            if again:
                third = [(root, settings, again, registry, callers, forced)]
                for chunk_outcomes in map(_pass_two, third):
                    outcomes.update(zip(again, chunk_outcomes))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    for path in paths:
        yield outcomes[path]


def write_outcome(outcome: Outcome, path: Path) -> Outcome:
    """Write ``outcome``'s new text over ``path`` atomically; report, never raise."""
    result = outcome.result
    if not result.changed or result.new_text is None:
        return outcome
    try:
        current = path.read_bytes()
        if digest(current) != outcome.digest:
            return _failed(outcome, "changed on disk since it was read; skipped")
        data = encode(result.new_text, outcome.encoding)
        _atomic_write(path, data)
    except SourceError as error:
        return _failed(outcome, str(error))
    except OSError as error:
        return _failed(outcome, f"cannot write: {error.strerror or error}; original left intact")
    return replace(outcome, written=True)


def _failed(outcome: Outcome, message: str) -> Outcome:
    result = outcome.result
    findings = tuple(replace(f, fixed=False) for f in result.findings)
    failed = replace(result, findings=findings, new_text=None, error=FileError(result.path, message))
    return replace(outcome, result=failed)


def _atomic_write(path: Path, data: bytes) -> None:
    # Through a symlink, rewrite the file it points to and keep the link a link.
    path = path.resolve()
    mode = stat.S_IMODE(path.stat().st_mode)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".unblock-tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise


def run(
    paths: list[Path],
    overrides: dict[str, Any] | None = None,
    apply: bool = False,
    jobs: int | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Analyse (and with ``apply``, fix) ``paths``.

    Every project's ``[tool.fastapi-unblock]`` table is read and validated
    first: a broken configuration raises :class:`~codemods.config.ConfigError`
    before any file is analysed or written.
    """
    from .config import load_settings
    from .discovery import iter_python_files

    files = list(iter_python_files(paths))
    settings = {root: load_settings(root, overrides or {}) for root in group_by_project(files)}
    outcomes: list[Outcome] = []
    for path, outcome in zip(files, analyse_files(files, settings.__getitem__, jobs)):
        if apply:
            outcome = write_outcome(outcome, path)
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    return outcomes
