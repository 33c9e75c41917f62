"""Which projects a run covers: the paths to walk, the files to report on, each project's environment.

Split from :mod:`codemods.runner` (which calls these before any analysis): a
broken ``python`` setting or ``--python`` must stop the run before a file is
read, and ``--whole-project`` (pre-commit's files) must widen the walk to the
projects those files belong to while the report stays on the files.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .discovery import discover
from .environment import Environment, PythonPathError, find_environment, python_path

if TYPE_CHECKING:
    from .runner import RunOptions


def project_paths(options: RunOptions, repo: Any) -> tuple[tuple[Path, ...], set[Path] | None]:
    """What to walk, and which of its files to report on: with ``whole_project``, the project
    root of each path given and the files given (those under a folder given); else the paths."""
    if not options.whole_project:
        return options.paths, None
    from .analysis.roots import find_project_root  # the analysis package is heavy: only when needed

    given, _, _ = discover(options.paths, options.exclude, repo)
    roots = sorted({find_project_root(path.resolve()) for path in options.paths})
    return tuple(roots), set(given)


def libraries_stamp(folders: tuple[Path, ...]) -> int:
    """Installing, upgrading or removing a distribution adds or removes entries of its
    ``site-packages`` folder, which changes the folder's modification time."""
    stamp = 0
    for folder in folders:
        try:
            stamp ^= folder.stat().st_mtime_ns
        except OSError:
            continue
    return stamp


def environments(projects: dict[Path, list[Path]], settings: dict[Path, Any],
                  from_flag: bool) -> dict[Path, Environment | None]:
    """Each project's environment, looked for once per project root, before any file is analysed.

    A ``python`` setting that leads nowhere is a broken configuration; ``--python`` is a bad
    argument, which the command line reports as such.
    """
    from .config import ConfigError

    found: dict[Path, Environment | None] = {}
    for root in projects:
        chosen = settings[root]
        python = python_path(chosen.python, root) if chosen.python is not None else None
        try:
            found[root] = find_environment(root, python, os.environ) if chosen.deps else None
        except PythonPathError as error:
            if from_flag:
                raise
            raise ConfigError(f"{root / 'pyproject.toml'}: [tool.fastapi-unblock] python: {error}") from None
    return found
