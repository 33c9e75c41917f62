"""Where a project starts, and the folders its imports are looked up in.

Source roots: the project root (nearest folder with ``pyproject.toml``,
``setup.py``/``setup.cfg`` or ``.git``; without one, the folder the run was
given), its ``src/``, and every top-level folder without ``__init__.py`` (an
``app/`` run as a script folder).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

_PROJECT_MARKERS = ("pyproject.toml", "setup.py", "setup.cfg", ".git")

_MARKED: dict[Path, bool] = {}


def has_marker(folder: Path) -> bool:
    """A project marker in ``folder``. A ``setup.py`` inside a package (next to an
    ``__init__.py``) is a module of that package (``onyx/setup.py``), not a project's."""
    if folder not in _MARKED:
        found = [m for m in _PROJECT_MARKERS if os.path.exists(os.path.join(folder, m))]
        if found == ["setup.py"] and os.path.exists(os.path.join(folder, "__init__.py")):
            found = []
        _MARKED[folder] = bool(found)
    return _MARKED[folder]


def find_project_root(start: Path, given: Path | None = None) -> Path:
    """The nearest folder with a project marker.

    Without one (a ``backend/`` copied out of its repository), the folder the run
    was given (``given``; without it, the file's own folder), or the folder above
    its outermost package when that folder is a package: that is the folder
    ``python main.py`` or ``uvicorn main:app`` runs from, so its top-level
    modules import each other as they do at run time. A sub-folder without
    ``__init__.py`` is never a project of its own then: its ``import crud``
    means the root's ``crud.py``.
    """
    start = start if start.is_absolute() else start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if has_marker(candidate):
            return _service_root(folder, candidate) or candidate
    top = given if given is not None else folder
    while (top / "__init__.py").is_file() and top.parent != top:
        top = top.parent
    return _service_root(folder, top) or top


#: How deep below a project root sibling services are looked for (``services/api/app``).
_SERVICE_DEPTH = 3
_SHARED: dict[tuple[Path, str], int] = {}


def _service_root(folder: Path, top: Path) -> Path | None:
    """A service of a repository that holds several, each run from its own folder with no
    marker of its own (``backend/app``, ``inference/app``, ``plugin/app``, each importing
    ``from app.routes import ...``): the folder above the file's outermost package, when a
    sibling service has a top-level package of the same name. Read as one project, the
    repository would have one ``app`` and each service's imports would find another's."""
    service = folder
    while (service / "__init__.py").is_file() and service.parent != service:
        service = service.parent
    if service == top or not service.is_relative_to(top):
        return None
    # A folder without ``__init__.py`` below a package is a namespace sub-package of it
    # (``sglang/srt/layers``, imported as ``sglang.srt.layers.x``), not a service.
    if any((above / "__init__.py").is_file() for above in service.parents if above.is_relative_to(top) and above != top):
        return None
    try:
        packages = [p.name for p in service.iterdir() if (p / "__init__.py").is_file()]
    except OSError:
        return None
    return service if any(_holders(top, name) > 1 for name in packages) else None


def _holders(top: Path, package: str) -> int:
    """How many folders below ``top`` (not packages themselves) hold a top-level ``package``."""
    key = (top, package)
    if key not in _SHARED:
        count = 0
        for here, dirnames, _files in os.walk(top):
            depth = len(Path(here).relative_to(top).parts)
            if package in dirnames and (Path(here) / package / "__init__.py").is_file() \
                    and not (Path(here) / "__init__.py").is_file():
                count += 1
            dirnames[:] = [d for d in dirnames if not d.startswith(".") and d not in _NOT_SCANNED] \
                if depth < _SERVICE_DEPTH else []
        _SHARED[key] = count
    return _SHARED[key]


_NOT_SCANNED = frozenset({"node_modules", "build", "dist", "__pycache__", "site-packages", "venv", ".venv"})


def source_roots(project_root: Path) -> list[Path]:
    roots = [project_root]
    src = project_root / "src"
    if src.is_dir():
        roots.append(src)
    try:
        children = sorted(p for p in project_root.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        children = []
    roots += [c for c in children if c != src and not (c / "__init__.py").exists()]
    return roots


def package_top(folder: Path, stop: Path) -> Path:
    """The folder above ``folder``'s outermost regular package, or ``folder`` when no package
    holds it. A folder without ``__init__.py`` inside a regular package (``onyx/cache/`` under
    ``onyx/__init__.py``) is a namespace portion of that package: ``onyx.cache.redis_backend``
    is how it is imported, so that is its name, found the same whichever file is read first."""
    top = folder
    current = folder
    while current != stop and current.parent != current:
        if (current / "__init__.py").is_file():
            top = current.parent
        current = current.parent
    return top


#: How deep below a repository's top sibling projects are looked for, and where not.
_WORKSPACE_DEPTH = 3
_NOT_PROJECTS = frozenset({"node_modules", "build", "dist", "__pycache__", "site-packages", "venv", "tests",
                           "docs", "examples"})

#: Repository top -> import roots of the projects in it (one walk per repository and run,
#: however many of its projects are analysed; :func:`forget_projects` starts a run afresh).
_PROJECTS_IN: dict[Path, list[Path]] = {}


def forget_projects() -> None:
    _PROJECTS_IN.clear()


def projects_in(top: Path) -> list[Path]:
    """The import roots of the projects of a repository, a few folders deep."""
    if top not in _PROJECTS_IN:
        found: list[Path] = []
        for folder, dirnames, filenames in os.walk(top):
            depth = len(Path(folder).relative_to(top).parts)
            dirnames[:] = [d for d in dirnames if not d.startswith(".") and d not in _NOT_PROJECTS] \
                if depth < _WORKSPACE_DEPTH else []
            here = Path(folder)
            if ("pyproject.toml" in filenames or "setup.py" in filenames) and has_marker(here):
                found.append(here / "src" if (here / "src").is_dir() else here)
        _PROJECTS_IN[top] = found
    return _PROJECTS_IN[top]


def module_files(root: Path, relative: Path) -> Iterator[Path]:
    """The files that may hold module ``relative`` under an import root: ``a/b.py``, ``a/b/__init__.py``."""
    for candidate in (root / relative.with_suffix(".py"), root / relative / "__init__.py"):
        if candidate.is_file():
            yield candidate


def dotted_name(path: Path, root: Path) -> str:
    """The dotted name of ``path`` below the import root ``root`` (a package is its ``__init__``)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts and parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)
