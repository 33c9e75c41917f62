"""A fingerprint of this build of the tool: its own source and catalogue.

Cached answers (a project's results, a library's summaries) are only as good as
the code that computed them. The version string says little: every build from
a checkout, an editable install or a patched wheel calls itself the same
version. So what a cache entry depends on is the bytes of the package itself:
every file under ``codemods/``, read once per process (about sixty small files,
a few milliseconds).
"""

from __future__ import annotations

import hashlib
import sys
from functools import lru_cache
from pathlib import Path

from . import __version__

_PACKAGE = Path(__file__).resolve().parent
_SKIPPED = frozenset({"__pycache__"})


@lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """Hex digest of the version, the Python it runs on, and every file of the package."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{__version__}\0{sys.version_info[0]}.{sys.version_info[1]}\0".encode())
    for path in sorted(_package_files()):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode("utf-8", "surrogateescape") + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
        digest.update(b"\1")
    return digest.hexdigest()


def _package_files() -> list[Path]:
    return [p for p in _PACKAGE.rglob("*") if p.is_file() and not _SKIPPED & set(p.relative_to(_PACKAGE).parts)
            and p.suffix != ".pyc"]
