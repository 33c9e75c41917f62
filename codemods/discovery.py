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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import FileError

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


def group_by_project(paths: list[Path], given: list[Path] | None = None) -> dict[Path, list[Path]]:
    """Files grouped by the project root (nearest ``pyproject.toml``/``.git``) they belong to.

    ``paths`` are resolved already; each folder is looked up once. ``given`` are
    the paths the run was given: a file with no marker above it belongs to the
    outermost given folder holding it (a file argument counts as its folder),
    since that is where the app runs from; without it, to its own folder.
    """
    from .analysis.roots import find_project_root

    folders = sorted({g.resolve() if g.is_dir() else g.resolve().parent for g in given or ()},
                     key=lambda g: len(g.parts))
    by_root: dict[Path, list[Path]] = {}
    roots: dict[Path, Path] = {}
    for path in paths:
        folder = path.parent
        if folder not in roots:
            outer = next((g for g in folders if folder == g or folder.is_relative_to(g)), None)
            roots[folder] = find_project_root(folder, outer)
        by_root.setdefault(roots[folder], []).append(path)
    return by_root


def discover(paths: tuple[Path, ...], exclude: tuple[str, ...], repo: Any
             ) -> tuple[list[Path], list[FileError], list[Path]]:
    """The files to analyse (resolved), the ones refused (symlinks leading outside, loops), and
    every file listed under the paths, excluded ones included (by git, or by the walk outside
    git): the cache keys stat them without listing the folders again."""
    from .models import FileError
    from .paths import display_path

    listed: list[Path] = []
    if repo is not None:
        listed = [Path(p) for p in repo.python_files(paths)]
        candidates = list(listed)
        tracked = set(candidates)
        # Explicit file arguments count even if git ignores them, as in ruff.
        candidates += [p.absolute() for p in paths if p.is_file() and p.absolute() not in tracked]
    else:
        candidates = [p.absolute() for p in iter_python_files(list(paths))]
    roots = [p.resolve() if p.is_dir() else p.resolve().parent for p in paths]
    if repo is None:
        # Walk from resolved roots so that paths need no resolving of their own.
        folders = [(folder.absolute(), folder.resolve()) for folder in paths]
        candidates = listed = [_rebase(p, folders) for p in candidates]
    if repo is not None:
        roots.append(repo.root)
    matches = exclude_matcher(list(exclude))
    files: list[Path] = []
    errors: list[FileError] = []
    seen: set[Path] = set()
    for path in candidates:
        if matches is not None and matches(display_path(path)):
            continue
        if not path.name.endswith(".py"):
            # A symlinked folder met by the walk: report it when it leads outside, else its
            # files are reached through their real path.
            real_folder = Path(os.path.realpath(path))
            if not any(real_folder == root or real_folder.is_relative_to(root) for root in roots):
                errors.append(FileError(display_path(path), "a symlinked folder to outside the target root; "
                                                             "not followed"))
            continue
        if os.path.islink(path) or not _under(path, roots):
            try:
                real = path.resolve(strict=True)
            except (OSError, RuntimeError):
                errors.append(FileError(display_path(path), "a broken or looping symlink; not followed"))
                continue
            if real != path and not any(real.is_relative_to(root) for root in roots):
                errors.append(FileError(display_path(path), "a symlink to outside the target root; not followed"))
                continue
        else:
            real = path  # walked from a resolved root without entering symlinked folders
        if not real.is_file():  # a FIFO or device named *.py would block the read forever
            errors.append(FileError(display_path(path), "not a regular file; not read"))
            continue
        if real not in seen:
            seen.add(real)
            files.append(real)
    return files, errors, listed


def _rebase(path: Path, folders: list[tuple[Path, Path]]) -> Path:
    """``path`` found under a given folder (absolute, resolved), re-expressed under its resolved form."""
    for absolute, resolved in folders:
        try:
            relative = path.relative_to(absolute)
        except ValueError:
            continue
        return resolved / relative
    return path


def _under(path: Path, roots: list[Path]) -> bool:
    text = str(path)
    return any(text.startswith(str(root) + os.sep) for root in roots)
