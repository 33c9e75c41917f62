"""The result cache: a warm run over unchanged files reads no source at all.

An entry holds the outcomes of one project. Its key is a hash of everything
the outcomes depend on: the tool's version, the project's settings, the
current folder (paths are shown relative to it), the ``--changed-since``
selection, and the path, size, mtime and ctime of every file of the project
(``os.stat`` only: unchanged files are never opened). Any change to any of
them is a different key, so a stale entry is never served; an edit to one
file re-analyses its project.

Entries live under ``$FASTAPI_UNBLOCK_CACHE_DIR``, else
``$XDG_CACHE_HOME/fastapi-unblock``, else ``~/.cache/fastapi-unblock``.
Each is written to a temporary file and renamed into place, so two runs at
once never see half an entry; the oldest entries are pruned. These cache
files are the only files the tool writes besides the sources it fixes.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from . import __version__

_FORMAT = 2  # bumped whenever the pickled outcome classes change
_KEEP = 256


def cache_dir() -> Path:
    explicit = os.environ.get("FASTAPI_UNBLOCK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "fastapi-unblock"


def project_key(
    root: Path, files: list[Path], settings: Any, only: set[Path] | None, analysed: list[Path] | None = None
) -> str | None:
    """The key for a project's outcomes, or ``None`` when a file cannot be stat'ed.

    ``files`` are all the sources the outcomes may depend on; ``analysed`` the
    ones reported on (in order).
    """
    digest = hashlib.blake2b(digest_size=20)
    for part in (__version__, str(_FORMAT), repr(settings), os.getcwd(), str(root)):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    digest.update("\0".join(str(p) for p in (analysed or [])).encode("utf-8", "surrogateescape") + b"\1")
    digest.update(repr(sorted(str(p) for p in only) if only is not None else None).encode() + b"\0")
    for path in sorted(files):
        try:
            info = path.stat()
        except OSError:
            return None
        digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\n".encode(
            "utf-8", "surrogateescape"))
    return digest.hexdigest()


def load(key: str) -> Any | None:
    path = cache_dir() / f"{key}.pickle"
    try:
        with open(path, "rb") as handle:
            payload = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError):
        return None
    if not isinstance(payload, dict) or payload.get("format") != _FORMAT or payload.get("version") != __version__:
        return None
    return payload.get("value")


def store(key: str, value: Any) -> None:
    """Write an entry atomically; a cache that cannot be written is silently skipped."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".entry-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump({"format": _FORMAT, "version": __version__, "value": value}, out,
                            protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, folder / f"{key}.pickle")
        except BaseException:
            try:
                os.unlink(temp)
            except OSError:
                pass
            raise
        _prune(folder)
    except OSError:
        return


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime if p.exists() else 0)
    for old in entries[:-_KEEP]:
        try:
            old.unlink()
        except OSError:
            pass


def _project_sources(root: Path, repo: Any) -> list[Path]:
    """Every Python file the analysis of a project may read (helpers it imports included)."""
    from .discovery import iter_python_files

    if repo is not None and root.is_relative_to(repo.root):
        return [Path(p) for p in repo.python_files([root])]
    return [p.absolute() for p in iter_python_files([root])]


def _cache_key(root: Path, members: list[Path], settings: Any, only: set[Path] | None, repo: Any) -> str | None:
    # The analysed files decide what is reported; the project's other files can change it
    # (a helper imported from one): all of them are in the key, by stat only.
    sources = sorted(set(members) | set(_project_sources(root, repo)))
    return project_key(root, sources, settings, only, analysed=members)


def load_projects(projects: dict[Path, list[Path]], settings: dict[Path, Any], only: set[Path] | None, repo: Any
            ) -> dict[Path, list[Any]]:
    """Cached outcomes of each project whose files (all of them, by stat) are unchanged."""
    hits: dict[Path, list[Any]] = {}
    for root, members in projects.items():
        key = _cache_key(root, members, settings[root], only, repo)
        value = load(key) if key is not None else None
        if isinstance(value, list) and len(value) == len(members):
            hits[root] = value
    return hits


def store_project(root: Path, members: list[Path], settings: Any, only: set[Path] | None, outcomes: list[Any],
           repo: Any) -> None:
    key = _cache_key(root, members, settings, only, repo)
    if key is not None:
        store(key, outcomes)
