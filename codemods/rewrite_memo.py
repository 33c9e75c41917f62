"""Rewritten functions remembered by what decides them, within one process.

A file is analysed again in a later round when a helper of it gets a fix on
behalf of another file, or its callers change: its other functions are planned
the same way again, and rewriting each with libcst again (a parse, positions,
a transform and a rendering) was a third of all the time spent on the files
that change (agno: 122 rewrites of 79 files). A function's rewrite depends on
its lines, where they start, the project's line length and the edits: each
edit's node, position and rewrite function. A rewrite function is a closure
over plain values (``parenthesize``, ``line_indent``...), and it is compared by
its code and those values; one that holds anything else (a syntax tree, an
object) is not compared, and its function is rewritten every time.
"""

from __future__ import annotations

import hashlib
import marshal
import zlib
from collections.abc import Hashable, Sequence
from typing import Any, Protocol

_PLAIN = (type(None), bool, int, float, str, bytes)
_MAX_REMEMBERED = 4_000


class _Edit(Protocol):
    @property
    def node_type(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def end(self) -> tuple[int, int] | None: ...
    @property
    def rewrite(self) -> Any: ...


class _Unknown(Exception):
    """A value of a rewrite function that cannot be compared."""


def _value(value: object, depth: int = 0) -> Hashable:
    if isinstance(value, _PLAIN):
        return (type(value).__name__, value)
    if depth > 4:
        raise _Unknown
    if isinstance(value, (tuple, frozenset)):
        return (type(value).__name__, tuple(_value(item, depth + 1) for item in value))
    code = getattr(value, "__code__", None)
    if code is None:
        raise _Unknown
    cells = tuple(_value(cell.cell_contents, depth + 1) for cell in getattr(value, "__closure__", None) or ())
    defaults = tuple(_value(item, depth + 1) for item in getattr(value, "__defaults__", None) or ())
    return (code, cells, defaults)


def chunk_key(lines: Sequence[str], first_line: int, line_length: int, edits: Sequence[_Edit]) -> bytes | None:
    """A digest of what decides a function's rewrite, or ``None`` when an edit cannot be compared.

    A digest, not the lines themselves: the memo would keep every rewritten function's
    lines alive (agno: 9 MB with the rewrites). A rewrite function's code object is named
    by its ``repr``, which holds its address: the package's code objects live as long as
    the process, so two of them never share one.
    """
    try:
        marks = tuple((e.node_type, e.line, e.column, e.end, _value(e.rewrite)) for e in edits)
    except (_Unknown, ValueError):  # ValueError: a closure cell not yet filled
        return None
    return _digest(repr((tuple(lines), first_line, line_length, marks)))


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()


def _packed(lines: Sequence[str]) -> bytes:
    """Lines compressed (about a fifth of their size): what the memos keep between rounds."""
    return zlib.compress(marshal.dumps(tuple(lines)), 1)


def _unpacked(packed: bytes) -> tuple[str, ...]:
    lines: tuple[str, ...] = marshal.loads(zlib.decompress(packed))
    return lines


_REMEMBERED: dict[bytes, bytes] = {}


def forget() -> None:
    """Drop what was remembered (between batches: another batch's functions rarely recur)."""
    _REMEMBERED.clear()
    _FINISHED.clear()


def remembered(key: bytes | None) -> list[str] | None:
    return list(_unpacked(_REMEMBERED[key])) if key is not None and key in _REMEMBERED else None


def remember(key: bytes | None, rewritten: list[str]) -> None:
    if key is None:
        return
    if len(_REMEMBERED) >= _MAX_REMEMBERED:
        _REMEMBERED.clear()
    _REMEMBERED[key] = _packed(rewritten)


#: Digest of (a file's text with its functions rewritten, the import edits) -> the finished
#: text, compressed (agno's 87 finished files took 16 MB as text).
_FINISHED: dict[bytes, bytes] = {}
_MAX_FINISHED = 500


def finished_key(rewritten: str, original: str, edits: Any, new_spans: list[tuple[int, int]]) -> bytes:
    """A digest of what decides the rest of a file's rewrite once its functions are rewritten:
    that text, the original, and the import edits and spans of ``edits`` (a ``FileEdits``, all
    plain values). The same file comes back the same way in a later round (agno: 132 rewrites,
    87 of them different), and fixing its imports again with libcst's import visitors, then
    compiling it, cost a third of the rewrite time."""
    parts = (sorted(edits.add_imports, key=repr), sorted(edits.remove_unused), sorted(edits.module_statements.items()),
             edits.import_span, sorted(edits.imports_below, key=repr) if edits.imports_below is not None else None,
             edits.import_style, sorted(edits.spans), new_spans)
    return _digest(repr((rewritten, original, parts)))


def finished(key: bytes) -> str | None:
    packed = _FINISHED.get(key)
    return _unpacked(packed)[0] if packed is not None else None


def remember_finished(key: bytes, text: str) -> None:
    if len(_FINISHED) >= _MAX_FINISHED:
        _FINISHED.clear()
    _FINISHED[key] = _packed([text])
