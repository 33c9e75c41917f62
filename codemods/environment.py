"""The environment a project installs its libraries in, found by reading files only.

Following calls into a project's libraries needs their source, and the source
is in the project's virtual environment, not in the one running this tool.
Asking the project's interpreter (``python -c "import site; ..."``) would be
the easy way, but the tool is static: it never starts the project's
interpreter, so ``sitecustomize.py``, ``.pth`` files and the interpreter
itself never run. The layout of an environment is standard enough to read:
``pyvenv.cfg`` marks a virtual environment and names its Python version, and
``lib/pythonX.Y/site-packages`` (``Lib/site-packages`` on Windows) holds what
it installs. What is installed comes from the ``*.dist-info`` (and
``*.egg-info``) folders, read with :mod:`importlib.metadata` pointed at those
folders, which parses the files and imports nothing of them.

Lookup order (README, "The project's environment"): ``--python`` (or the
``python`` setting), else ``$VIRTUAL_ENV``, else ``.venv`` or ``venv`` in the
project root.
"""

from __future__ import annotations

import keyword
import re
import shutil
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from importlib.metadata import Distribution as _MetadataDistribution

FoundBy = Literal["--python", "VIRTUAL_ENV", ".venv", "venv"]

#: ``lib/python3.12``, ``lib/python3.13t`` (free-threaded), ``lib/pypy3.10``.
_VERSIONED_LIB = re.compile(r"(?:python|pypy)(\d+)\.(\d+)t?")
_VERSION = re.compile(r"\s*(\d+)\.(\d+)")
#: setuptools' editable installs put a finder module in site-packages; it is not the library.
_EDITABLE_FINDER = "__editable__"


class PythonPathError(Exception):
    """``--python`` (or the ``python`` setting) names no usable environment; the message says what is missing."""


@dataclass(frozen=True)
class Environment:
    """Where a project's libraries are installed, and how that was decided."""

    found_by: FoundBy
    #: The environment folder (the one holding ``pyvenv.cfg``, for a virtual environment).
    path: Path
    #: Its ``site-packages`` folders, most specific first; never empty.
    site_packages: tuple[Path, ...]


@dataclass(frozen=True)
class Distribution:
    """An installed distribution, as its metadata names it."""

    name: str
    version: str
    #: The top-level import names it provides (``PyYAML`` provides ``yaml``).
    top_level: tuple[str, ...] = ()


def python_path(value: str | Path, base: Path) -> Path:
    """Where a ``--python`` value (``base``: the current folder) or a ``python`` setting
    (``base``: the folder of its ``pyproject.toml``) points.

    A relative path is relative to ``base``, so a setting means the same from any
    folder; a bare name that is not there (``python3.12``) stays bare, for
    :func:`find_environment` to look up on ``PATH`` as a shell would.
    """
    path = Path(value)
    joined = base / path  # an absolute path stays itself
    if path.is_absolute() or len(path.parts) > 1 or _lexists(joined):
        return joined
    return path


def find_environment(project_root: Path, python: Path | None, env: Mapping[str, str]) -> Environment | None:
    """The project's environment: ``python``, else ``$VIRTUAL_ENV``, else ``.venv`` or ``venv``.

    ``python`` is an interpreter file (``.venv/bin/python``, ``python3.12``) or an
    environment folder; when it leads nowhere the user asked for something that
    is not there, so it raises :class:`PythonPathError` rather than guess. A
    ``$VIRTUAL_ENV`` or a folder without ``site-packages`` is passed over: a stale
    variable of the shell says nothing about this project.
    """
    if python is not None:
        return _from_python(python, env)
    virtual_env = env.get("VIRTUAL_ENV")
    if virtual_env:
        found = _at(Path(virtual_env).absolute(), "VIRTUAL_ENV")
        if found is not None:
            return found
    for name in (".venv", "venv"):
        folder = project_root.absolute() / name
        if (folder / "pyvenv.cfg").is_file():
            found = _at(folder, name)
            if found is not None:
                return found
    return None


def _from_python(python: Path, env: Mapping[str, str]) -> Environment:
    path = python
    if not _lexists(path) and len(path.parts) == 1:
        # shutil.which only looks at the file system (existence and the execute bit).
        command = shutil.which(str(path), path=env.get("PATH", ""))
        if command is not None:
            path = Path(command)
    if not _lexists(path):
        on_path = ", and no such command on PATH" if len(python.parts) == 1 else ""
        raise PythonPathError(f"{python}: no such file or folder{on_path}")
    path = path.absolute()  # not resolve(): .venv/bin/python links to the base interpreter
    if path.is_dir():
        candidates = [path]
    else:
        # bin/python or Scripts/python.exe in the environment; python.exe at the top of a
        # Windows installation.
        candidates = [path.parent.parent, path.parent] if path.parent.name in ("bin", "Scripts") else [path.parent]
    hint = _version(path.name) if not path.is_dir() else None
    marked = [folder for folder in candidates if (folder / "pyvenv.cfg").is_file()]
    for folder in marked or candidates:
        found = _at(folder, "--python", hint)
        if found is not None:
            return found
    where = marked[0] if marked else candidates[0]
    raise PythonPathError(f"{python}: no site-packages folder in {where} "
                          "(looked for lib/pythonX.Y/site-packages and Lib/site-packages)")


def _at(folder: Path, found_by: FoundBy, hint: tuple[int, int] | None = None) -> Environment | None:
    """The environment rooted at ``folder``, if it has a ``site-packages``."""
    config = _venv_config(folder)
    version = _version(config.get("version") or config.get("version_info") or "")
    site_packages = _site_packages(folder, version or hint)
    return Environment(found_by, folder, site_packages) if site_packages else None


def _venv_config(folder: Path) -> dict[str, str]:
    """``pyvenv.cfg``'s ``key = value`` lines (venv writes ``version``, virtualenv and uv ``version_info``)."""
    try:
        text = (folder / "pyvenv.cfg").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    pairs = (line.partition("=") for line in text.splitlines())
    return {key.strip().lower(): value.strip() for key, sep, value in pairs if sep}


def _version(text: str) -> tuple[int, int] | None:
    """(major, minor) from ``3.12.1``, ``3.12.1.final.0`` or an interpreter name such as ``python3.12``."""
    match = _VERSION.match(text.removeprefix("python"))
    return (int(match[1]), int(match[2])) if match else None


def _site_packages(prefix: Path, version: tuple[int, int] | None) -> tuple[Path, ...]:
    """``lib/pythonX.Y/site-packages`` (and its ``lib64`` twin) for one version, then ``Lib/site-packages``.

    An environment upgraded in place keeps the old version's folder, so when there
    are several the one ``pyvenv.cfg`` names wins, else the newest.
    """
    versioned: dict[tuple[int, int], list[Path]] = {}
    for lib in ("lib", "lib64"):
        for folder in sorted((prefix / lib).glob("*/site-packages")):
            match = _VERSIONED_LIB.fullmatch(folder.parent.name)
            if match and folder.is_dir():
                versioned.setdefault((int(match[1]), int(match[2])), []).append(folder)
    chosen = version if version in versioned else max(versioned, default=None)
    found = versioned[chosen] if chosen is not None else [prefix / "Lib" / "site-packages"]
    unique: dict[Path, Path] = {}
    for folder in found:
        if folder.is_dir():
            # lib64 is often a link to lib, and Lib is lib on a case-insensitive file system.
            unique.setdefault(folder.resolve(), folder)
    return tuple(unique.values())


def _lexists(path: Path) -> bool:
    """Whether ``path`` exists, counting a broken link (a venv whose base Python is gone still has its files)."""
    return path.exists() or path.is_symlink()


def distributions(site_packages: Sequence[Path]) -> tuple[Distribution, ...]:
    """Every distribution installed in ``site_packages``, once each (the first folder wins, as for imports)."""
    found: dict[str, Distribution] = {}
    for folder in site_packages:
        for meta in _metadata_folders(folder):
            distribution = _read(meta)
            if distribution is not None:
                key = re.sub(r"[-_.]+", "-", distribution.name).lower()  # PEP 503: PyYAML is pyyaml
                found.setdefault(key, distribution)
    return tuple(found[key] for key in sorted(found))


def installed_distributions(site_packages: Sequence[Path]) -> dict[str, Distribution]:
    """Each top-level import name in ``site_packages`` -> the distribution that installs it.

    Several distributions can share a namespace package (``google``); the name then
    maps to the first of them by distribution name, so the answer does not depend
    on the order the file system lists folders in.
    """
    by_name: dict[str, Distribution] = {}
    for distribution in distributions(site_packages):
        for name in distribution.top_level:
            by_name.setdefault(name, distribution)
    return by_name


def _metadata_folders(folder: Path) -> Iterator[Path]:
    try:
        children = sorted(folder.iterdir())
    except OSError:
        return
    for child in children:
        if child.suffix in (".dist-info", ".egg-info") and child.is_dir():
            yield child


def _read(folder: Path) -> Distribution | None:
    """One ``*.dist-info``/``*.egg-info`` folder; ``None`` for a half-removed or broken install."""
    # Imported here: it costs more than the rest of the lookup, and --no-deps needs none of it.
    from importlib.metadata import Distribution as MetadataDistribution

    record = MetadataDistribution.at(folder)
    try:
        metadata = record.metadata
        # get_all, not [key]: newer Pythons warn about (and will raise for) a missing key.
        name, version = ((metadata.get_all(key) or [""])[0] for key in ("Name", "Version"))
        return Distribution(name, version, _top_level(record)) if name and version else None
    except (OSError, ValueError):  # unreadable, not UTF-8, a malformed RECORD
        return None


def _top_level(record: _MetadataDistribution) -> tuple[str, ...]:
    """``top_level.txt`` (setuptools writes it), else the first part of each ``.py`` path in ``RECORD``."""
    listed = record.read_text("top_level.txt")
    if listed is not None:
        names = {line.strip().split("/")[0] for line in listed.splitlines()}
    else:
        names = set()
        for file in record.files or ():
            parts = file.parts
            if file.suffix == ".py" and parts and parts[0] != "..":
                names.add(parts[0] if len(parts) > 1 else file.stem)
    return tuple(sorted(n for n in names if n.isidentifier() and not keyword.iskeyword(n)
                        and not n.startswith(_EDITABLE_FINDER)))
