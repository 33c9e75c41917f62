"""Where a project starts, and the folders its imports are looked up in.

Source roots: the project root (nearest folder with ``pyproject.toml``,
``setup.py``/``setup.cfg`` or ``.git``; without one, the folder the run was
given), its ``src/``, and every top-level folder without ``__init__.py`` (an
``app/`` run as a script folder).
"""

from __future__ import annotations

import os
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
            return candidate
    top = given if given is not None else folder
    while (top / "__init__.py").is_file() and top.parent != top:
        top = top.parent
    return top


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
