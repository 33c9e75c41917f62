"""Which files to look at.

Inside a git repository the files come from git (:mod:`codemods.vcs`), so
``.gitignore`` is honoured as git honours it. Elsewhere directories are
walked without following symlinks, skipping the folders nobody wants
rewritten (virtual environments, build output, caches, hidden folders; ruff's
defaults). Either way ``--exclude``/``exclude`` globs (gitignore syntax, via
pathspec) remove more, and files marked ``@generated`` are left alone.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

SKIPPED_DIRS = frozenset(
    {"node_modules", "build", "dist", "__pycache__", "site-packages", "venv", "__pypackages__", "_build", "buck-out"}
)
#: Where a generated file says so (LibCST and Phabricator use ``@generated``).
GENERATED_MARKER = b"@" + b"generated"
_HEAD = 4096


def is_generated(data: bytes) -> bool:
    return GENERATED_MARKER in data[:_HEAD]


def exclude_matcher(patterns: list[str]):  # type: ignore[no-untyped-def]
    """A predicate on POSIX relative paths for gitignore-style ``patterns`` (``None`` if none)."""
    if not patterns:
        return None
    import pathspec

    spec = pathspec.PathSpec.from_lines("gitwildmatch", patterns)
    return spec.match_file


def _skip_dir(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED_DIRS or name.endswith(".egg-info")


def iter_python_files(paths: list[Path]) -> Iterator[Path]:
    """``.py`` files under ``paths`` (absolute), in a stable order; duplicates are dropped later."""
    for root in paths:
        if root.is_file() or not root.exists():
            yield root.absolute()
        else:
            yield from _walk(root.absolute())


def _walk(root: Path) -> Iterator[Path]:
    """A walk with ``os.scandir`` (no ``stat`` per file); symlinked folders are not entered."""
    stack = [str(root)]
    while stack:
        directory = stack.pop()
        try:
            with os.scandir(directory) as entries:
                items = sorted(entries, key=lambda entry: entry.name)
        except OSError:
            continue
        folders = []
        for entry in items:
            if entry.name.endswith(".py"):
                yield Path(entry.path)
            elif _skip_dir(entry.name):
                continue
            elif entry.is_dir(follow_symlinks=False):
                folders.append(entry.path)
            elif entry.is_symlink() and entry.is_dir():
                yield Path(entry.path)  # a symlinked folder: the runner decides (never entered)
        stack.extend(reversed(folders))


def group_by_project(paths: list[Path]) -> dict[Path, list[Path]]:
    """Files grouped by the project root (nearest ``pyproject.toml``/``.git``) they belong to.

    ``paths`` are resolved already; each folder is looked up once.
    """
    from .analysis.project import find_project_root

    by_root: dict[Path, list[Path]] = {}
    roots: dict[Path, Path] = {}
    for path in paths:
        folder = path.parent
        if folder not in roots:
            roots[folder] = find_project_root(folder)
        by_root.setdefault(roots[folder], []).append(path)
    return by_root
