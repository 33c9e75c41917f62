"""Run the analysis over files and (only here) write results.

Reading and analysis: :mod:`codemods.pipeline`. Writing (``--apply`` only):
re-check that the file is still what was read, encode with its original
encoding, write a temporary file beside it and
``os.replace`` it over the original, so a reader sees the old or the new file,
never half of one. A file with no change is never opened for writing.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from .models import FileError
from .pipeline import Outcome, analyse_files, display_path, group_by_project
from .sourcefile import SourceError, digest, encode

__all__ = ["Outcome", "display_path", "run", "write_outcome"]


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
