"""Which files to look at.

Explicit file arguments are always taken. Directories are walked without
following symlinks, skipping the folders nobody wants rewritten (virtual
environments, build output, caches, hidden folders).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

SKIPPED_DIRS = frozenset(
    {"node_modules", "build", "dist", "__pycache__", "site-packages", "venv", "env", "__pypackages__"}
)


def _skip_dir(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED_DIRS or name.endswith(".egg-info")


def iter_python_files(paths: list[Path]) -> Iterator[Path]:
    """``.py`` files under ``paths``, each once, in a stable order."""
    seen: set[Path] = set()
    for root in paths:
        if root.is_file() or not root.exists():
            candidates: list[Path] = [root]
        else:
            candidates = list(_walk(root))
        for path in candidates:
            key = path.resolve()  # a file reached directly and through a symlink is one file
            if key not in seen:
                seen.add(key)
                yield path


def _walk(root: Path) -> Iterator[Path]:
    for directory, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not _skip_dir(d))
        for filename in sorted(filenames):
            if filename.endswith(".py"):
                yield Path(directory, filename)
