"""Filesystem metadata: stat-family checks and metadata changes (category ``filesystem-metadata``).

One syscall each, microseconds on a local disk but unbounded on NFS, SMB or
FUSE mounts, so the rule is off by default. Two kinds: *checks* (``exists``,
``stat``, ``resolve``...) and *changes* (``mkdir``, ``unlink``, ``rename``...,
which write the filesystem journal). Pure path arithmetic (``os.path.join``,
``Path.name``, ``p / "x"``, ``os.path.normpath``/``abspath``) is never listed.
Listing one directory (``os.listdir``, ``Path.iterdir``, a glob without
``**``) is metadata too; walking a tree, whose cost grows with it, is in :mod:`.files`.
"""

from __future__ import annotations

from ._helpers import each
from .model import Alias, BlockingApi, Listing, Returns

_CATEGORY = "filesystem-metadata"
_ASYNC240 = ("ASYNC240",)

_OS_PATH = [
    *each("os.path", ("exists", "isfile", "isdir", "islink", "ismount", "getsize", "getmtime", "getatime",
                      "getctime", "samefile", "sameopenfile"), _CATEGORY, ruff_codes=_ASYNC240,
          twin="aiofiles.os.path", why="a stat syscall"),
    *each("os.path", ("lexists", "realpath"), _CATEGORY, ruff_codes=_ASYNC240,
          why="stat or readlink syscalls"),
]

_OS_CHECKS = [
    *each("os", ("stat", "access", "getcwd", "readlink", "statvfs"), _CATEGORY, twin="aiofiles.os",
          why="a stat-family syscall"),
    BlockingApi("os.lstat", _CATEGORY, why="a stat-family syscall"),
    # One ``stat`` per folder of ``PATH`` until the command is found: a few syscalls, like a listing.
    BlockingApi("shutil.which", _CATEGORY, why="a stat of the command in each folder of PATH"),
]

_OS_CHANGES = [
    *each("os", ("remove", "unlink", "rename", "renames", "replace", "mkdir", "makedirs", "rmdir", "removedirs",
                 "link", "symlink"), _CATEGORY, twin="aiofiles.os", why="changes directory entries on disk"),
    *each("os", ("chmod", "chown", "utime", "mkfifo", "sync"), _CATEGORY, why="changes file metadata on disk"),
    # An empty file or directory, like ``touch`` or ``mkdir``; writing to it is counted where it happens.
    *each("tempfile", ("mkstemp", "mkdtemp", "TemporaryDirectory"), _CATEGORY,
          why="creates one directory entry on disk"),
    BlockingApi("os.close", _CATEGORY, why="releases a descriptor: one syscall, no data moved"),
]

_PATH_CHECKS = [
    *each("pathlib.Path", ("exists", "is_file", "is_dir", "is_symlink", "is_mount", "is_socket", "is_fifo",
                           "is_block_device", "is_char_device", "is_junction", "stat", "lstat", "owner", "group",
                           "samefile", "resolve", "absolute", "readlink", "expanduser", "home", "cwd"),
          _CATEGORY, ruff_codes=_ASYNC240, twin="anyio.Path", why="a stat-family syscall"),
]

_PATH_CHANGES = [
    *each("pathlib.Path", ("mkdir", "rmdir", "unlink", "rename", "replace", "touch", "chmod", "lchmod",
                           "symlink_to", "hardlink_to", "copy", "move"),
          _CATEGORY, ruff_codes=_ASYNC240, twin="anyio.Path", why="changes directory entries on disk"),
]

def _listing(qualname: str, pattern: tuple[str, int] | None = None, flag: str | None = None,
             ruff_codes: tuple[str, ...] = ()) -> BlockingApi:
    """One directory's listing, or a scan (``file``) when the call or the code around it makes it one."""
    scan = BlockingApi(qualname, "file", ruff_codes=ruff_codes,
                       why="reads a directory tree, or every entry of a directory; cost grows with it")
    return BlockingApi(qualname, _CATEGORY, ruff_codes=ruff_codes, why="lists one directory",
                       listing=Listing(scan, pattern, flag))


#: Reading one directory's entries: a few syscalls, like ``stat``, for the directories an
#: application lists (an upload folder, a models folder). Walking a tree is in :mod:`.files`.
_LISTINGS = [
    _listing("os.listdir"),
    _listing("os.scandir"),
    _listing("pathlib.Path.iterdir", ruff_codes=_ASYNC240),
    _listing("glob.glob", ("pathname", 0), flag="recursive"),
    _listing("glob.iglob", ("pathname", 0), flag="recursive"),
    _listing("pathlib.Path.glob", ("pattern", 0), ruff_codes=_ASYNC240),
]

ENTRIES: list[BlockingApi] = [*_OS_PATH, *_OS_CHECKS, *_OS_CHANGES, *_PATH_CHECKS, *_PATH_CHANGES, *_LISTINGS]

RETURNS: list[Returns] = []

ALIASES: list[Alias] = [
    Alias("posixpath", "os.path"),
    Alias("ntpath", "os.path"),
    Alias("genericpath", "os.path"),
]
