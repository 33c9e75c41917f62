"""How a file is named to the user: relative to the current folder, in POSIX form.

The lowest module of the package (it imports nothing of it), so discovery, the
passes, the engine and the reports all name files the same way without importing
each other.
"""

from __future__ import annotations

import os
from pathlib import Path


def display_path(path: Path) -> str:
    text, cwd = str(path), os.getcwd()
    # Fast path (``relpath`` costs two ``abspath``): a normalized path under the current folder.
    sep = os.sep
    normal = f"{sep}.{sep}" not in text and f"{sep}..{sep}" not in text and sep * 2 not in text
    normal = normal and not text.endswith((f"{sep}.", f"{sep}.."))
    if normal and text.startswith(cwd) and text[len(cwd) : len(cwd) + 1] == os.sep:
        return text[len(cwd) + 1 :].replace(os.sep, "/")
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive on Windows
        return str(path)
