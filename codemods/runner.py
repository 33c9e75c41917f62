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
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from .engine import analyse_source
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


def process_file(path: Path, settings: Settings) -> Outcome:
    shown = display_path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Outcome(FileResult(shown, error=FileError(shown, "no such file")))
    except OSError as error:
        return Outcome(FileResult(shown, error=FileError(shown, f"cannot read: {error.strerror or error}")))
    if b"async" not in data and not settings.all_async:
        return Outcome(FileResult(shown))
    try:
        decoded = decode(data)
    except SourceError as error:
        return Outcome(FileResult(shown, error=FileError(shown, str(error))))
    result = analyse_source(decoded.text, shown, settings)
    return Outcome(result, encoding=decoded.encoding, digest=decoded.digest)


def _process_many(args: tuple[list[str], Settings]) -> list[Outcome]:
    paths, settings = args
    return [process_file(Path(p), settings) for p in paths]


def analyse_files(paths: list[Path], settings: Settings, jobs: int | None = None) -> Iterator[Outcome]:
    """Outcomes in the order of ``paths`` (results are the same for any ``jobs``)."""
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(paths) < _PARALLEL_THRESHOLD:
        for path in paths:
            yield process_file(path, settings)
        return
    size = max(8, len(paths) // (jobs * 8))
    chunks = [[str(p) for p in paths[i : i + size]] for i in range(0, len(paths), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for outcomes in pool.map(_process_many, [(chunk, settings) for chunk in chunks]):
            yield from outcomes


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
    settings: Settings,
    apply: bool = False,
    jobs: int | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    from .discovery import iter_python_files

    files = list(iter_python_files(paths))
    outcomes: list[Outcome] = []
    for path, outcome in zip(files, analyse_files(files, settings, jobs)):
        if apply:
            outcome = write_outcome(outcome, path)
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    return outcomes
