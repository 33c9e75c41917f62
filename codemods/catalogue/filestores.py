"""Filesystems behind one interface: fsspec and the stores built on it (s3fs, gcsfs, adlfs),
and smart_open (category ``cloud``).

Each method of an fsspec filesystem that names a path asks its store: a request to
object storage for s3fs, gcsfs and adlfs (their sync methods run the async client on
fsspec's own loop thread and wait for it). ``fsspec.filesystem("s3")`` gives one;
``fsspec.open(url)`` builds an ``OpenFile`` that opens on ``with`` or ``.open()``, and
``smart_open.open(url)`` opens at once. The local filesystem is not listed: its checks
are the cheap metadata of :mod:`.filesystem`.
"""

from __future__ import annotations

from ._helpers import each
from .model import Alias, BlockingApi, Returns

_FILESYSTEM = "fsspec.spec.AbstractFileSystem"
_OPEN_FILE = "fsspec.core.OpenFile"
_FILE = "io.TextIOWrapper"
_STORE = "a request to the filesystem's store (object storage over the network)"
_PATH_METHODS = ("open", "cat", "cat_file", "cat_ranges", "pipe", "pipe_file", "put", "put_file", "get", "get_file",
                 "upload", "download", "read_text", "write_text", "read_bytes", "write_bytes", "read_block", "head",
                 "tail", "ls", "listdir", "find", "glob", "walk", "du", "exists", "info", "isdir", "isfile", "size",
                 "sizes", "rm", "rm_file", "delete", "mkdir", "makedirs", "rmdir", "copy", "cp_file", "mv", "move",
                 "rename", "touch", "checksum", "modified", "created", "invalidate_cache")
#: Filesystems over a network store, each a subclass with the same methods.
_REMOTE = ("s3fs.S3FileSystem", "s3fs.core.S3FileSystem", "gcsfs.GCSFileSystem", "gcsfs.core.GCSFileSystem",
           "adlfs.AzureBlobFileSystem", "adlfs.spec.AzureBlobFileSystem", "fsspec.AbstractFileSystem")

ENTRIES: list[BlockingApi] = [
    *each(_FILESYSTEM, _PATH_METHODS, "cloud", why=_STORE),
    *each(_OPEN_FILE, ("open", "__enter__"), "cloud", why="opens the file on its store"),
    BlockingApi("smart_open.open", "cloud", why="opens the object (S3, GCS, Azure, HTTP) or the local file"),
]

RETURNS: list[Returns] = [
    Returns("fsspec.filesystem", _FILESYSTEM),
    Returns("fsspec.open", _OPEN_FILE),
    *[Returns(f"{_OPEN_FILE}.{method}", _FILE) for method in ("open", "__enter__")],
    Returns("smart_open.open", _FILE),
    Returns(f"{_FILESYSTEM}.open", _FILE),
    *[Returns(cls, _FILESYSTEM) for cls in _REMOTE[:-1:2]],
]

ALIASES: list[Alias] = [
    *[Alias(cls, _FILESYSTEM) for cls in _REMOTE],
    Alias("smart_open.smart_open", "smart_open.open"),
]
