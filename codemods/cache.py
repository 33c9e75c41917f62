"""The result cache: a warm run over unchanged files reads no source at all.

An entry holds the outcomes of one project. Its key is a hash of everything
the outcomes depend on: the tool's own code (its fingerprint: version,
Python version and the bytes of every file of the package, see
:mod:`.fingerprint`, so an edited or upgraded build never reads another's
entries), the project's settings, the
current folder (paths are shown relative to it), the ``--changed-since``
selection, and the path, size, mtime and ctime of every file of the project
(``os.stat`` only: unchanged files are never opened). Any change to any of
them is a different key, so a stale entry is never served; an edit to one
file re-analyses its project.

Apart from those, under ``files/``, one entry per project lists the files
pass 1 found plain (nothing to register, and no async code or text that
parses) with their size, mtime and ctime: that verdict depends on the file's bytes alone (and the
tool's and Python's versions, in the key), so when a project is re-analysed
its unchanged plain files are neither read nor parsed again.

Under ``libraries/``, one entry per installed distribution version holds what
its functions reach (:mod:`.analysis.summaries`): keyed by the distribution's
name and version, not by project, so every project on the machine that
installs the same version reads them.

Entries live under ``$FASTAPI_UNBLOCK_CACHE_DIR``, else
``$XDG_CACHE_HOME/fastapi-unblock``, else ``~/.cache/fastapi-unblock``.
Each is written to a temporary file and renamed into place, so two runs at
once never see half an entry; the oldest entries are pruned. These cache
files are the only files the tool writes besides the sources it fixes.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

from .fingerprint import tool_fingerprint

_FORMAT = 5  # bumped whenever the pickled outcome classes change
_KEEP = 256
#: Per-file entries (pass 1's verdicts), apart from the per-project outcomes.
_FILES = "files"
#: Library summaries, one entry per (distribution, version), shared by every project on the machine.
_LIBRARIES = "libraries"
#: An environment installs a few hundred distributions: keep enough for several.
_KEEP_LIBRARIES = 4096


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
    for part in (tool_fingerprint(), str(_FORMAT), _canonical(settings), os.getcwd(), str(root)):
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


#: What identifies a file's content without reading it: size, mtime and ctime (ns).
Signature = tuple[int, int, int]


def signature(path: Path) -> Signature | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _plain_key(root: Path) -> str:
    digest = hashlib.blake2b(digest_size=20)
    # The interpreter's version too: what parses depends on it.
    for part in ("plain", tool_fingerprint(), str(_FORMAT), sys.version, str(root)):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


def plain_files(root: Path) -> dict[str, Signature]:
    """The files of a project last seen plain (nothing to register, text that parses), by signature.

    Whether a file is plain depends on its bytes alone, so an entry holds for as
    long as the file's signature is unchanged, whatever happens to the others.
    """
    value = load(_plain_key(root), _FILES)
    return value if isinstance(value, dict) else {}


def store_plain_files(root: Path, files: dict[str, Signature]) -> None:
    store(_plain_key(root), files, _FILES)


def load_library_summaries(store: str) -> dict[str, Any] | None:
    """The summaries kept for one library version (see :mod:`.analysis.summaries`)."""
    value = load(store, _LIBRARIES)
    return value if isinstance(value, dict) else None


def store_library_summaries(new: list[Any]) -> None:
    """Add this run's new summaries to each library version's entry (``NewSummary`` items).

    Read again just before writing: another run may have added its own since this one read it.
    """
    by_store: dict[str, dict[str, Any]] = {}
    for item in new:
        by_store.setdefault(item.store, {})[item.entry] = item.summary
    for store_key, entries in by_store.items():
        current = load_library_summaries(store_key) or {}
        if not entries.keys() <= current.keys():
            store(store_key, {**current, **entries}, _LIBRARIES, keep=_KEEP_LIBRARIES)


def load(key: str, subfolder: str = "") -> Any | None:
    path = cache_dir() / subfolder / f"{key}.pickle"
    # An entry is hundreds of thousands of objects (a large application's findings with their
    # call chains): the collector, run again and again as they are made, took 40% of the load.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as handle:
            payload = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError):
        return None
    finally:
        if collecting:
            gc.enable()
    if not isinstance(payload, dict) or payload.get("format") != _FORMAT or payload.get("tool") != tool_fingerprint():
        return None
    return payload.get("value")


def store(key: str, value: Any, subfolder: str = "", keep: int = _KEEP) -> None:
    """Write an entry atomically; a cache that cannot be written is silently skipped."""
    folder = cache_dir() / subfolder
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".entry-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump({"format": _FORMAT, "tool": tool_fingerprint(), "value": value}, out,
                            protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, folder / f"{key}.pickle")
        except BaseException:
            try:
                os.unlink(temp)
            except OSError:
                pass
            raise
        _prune(folder, keep)
    except OSError:
        return


def _prune(folder: Path, keep: int) -> None:
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime if p.exists() else 0)
    for old in entries[:-keep]:
        try:
            old.unlink()
        except OSError:
            pass


def _project_sources(projects: dict[Path, list[Path]], repo: Any, known: tuple[list[Path], list[Path]]
                     ) -> dict[Path, list[Path]]:
    """Every Python file the analysis of each project may read (helpers it imports included).

    The listing discovery made (by git, or by its walk) serves every project whose root lies
    in a folder it listed (and that holds all the project's analysed files); the other
    projects are listed again: with one more ``git ls-files`` inside git, by a walk outside.
    """
    from .discovery import iter_python_files

    listed, targets = known
    names = sorted(str(p) for p in listed)
    sources: dict[Path, list[Path]] = {}
    ask_git: list[Path] = []
    for root, members in projects.items():
        if any(root.is_relative_to(target) for target in targets):
            found = _under(names, root)
            if set(map(str, members)) <= set(found):
                sources[root] = [Path(p) for p in found]
                continue
        if repo is None or not root.is_relative_to(repo.root):
            sources[root] = [p.absolute() for p in iter_python_files([root])]
        else:
            ask_git.append(root)
    if ask_git:
        more = sorted(str(p) for p in repo.python_files(sorted(ask_git)))
        for root in ask_git:
            sources[root] = [Path(p) for p in _under(more, root)]
    return sources


def _under(names: list[str], root: Path) -> list[str]:
    """The entries of the sorted ``names`` inside the folder ``root``."""
    import bisect

    prefix = str(root).rstrip(os.sep) + os.sep
    return names[bisect.bisect_left(names, prefix):bisect.bisect_left(names, prefix[:-1] + chr(ord(os.sep) + 1))]


def _canonical(settings: Any) -> str:
    """``repr`` of the settings with each set sorted: a set's ``repr`` follows the hash seed, which
    differs between runs, and the key must not (``--select A,B``, a baseline's entries)."""
    if not dataclasses.is_dataclass(settings):
        return repr(settings)
    fields = ((f.name, getattr(settings, f.name)) for f in dataclasses.fields(settings))
    return repr([(name, sorted(value) if isinstance(value, frozenset | set) else value) for name, value in fields])


def project_keys(projects: dict[Path, list[Path]], settings: dict[Path, Any], only: set[Path] | None, repo: Any,
                 known: tuple[list[Path], list[Path]] = ([], [])) -> dict[Path, str | None]:
    """Each project's key, taken before its files are read: a file changed during the run
    changes the key its outcomes are stored under, so they are never served for it."""
    # The analysed files decide what is reported; the project's other files can change it
    # (a helper imported from one): all of them are in the key, by stat only.
    sources = _project_sources(projects, repo, known)
    return {root: project_key(root, sorted(set(members) | set(sources[root])), settings[root], only,
                              analysed=members)
            for root, members in projects.items()}


def load_projects(projects: dict[Path, list[Path]], keys: dict[Path, str | None]) -> dict[Path, list[Any]]:
    """The cached outcomes of each project whose key has an entry."""
    hits: dict[Path, list[Any]] = {}
    for root, members in projects.items():
        key = keys[root]
        value = load(key) if key is not None else None
        if isinstance(value, list) and len(value) == len(members):
            hits[root] = value
    return hits
