"""Unified diffs that ``git apply`` accepts, byte for byte.

The patch is built from the file's own bytes: each line is encoded in the
file's encoding (a UTF-8 BOM stays on the first line), CRLF endings are kept,
and a last line without a newline gets git's ``\\ No newline at end of file``
marker. Headers are ``a/<path>`` and ``b/<path>`` relative to the current
directory, so ``fastapi-unblock app/ > fix.patch && git apply fix.patch``
gives exactly what ``--apply`` writes.
"""

from __future__ import annotations

import difflib
import re

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_BOM = b"\xef\xbb\xbf"
_NO_NEWLINE = b"\\ No newline at end of file\n"


def split_lines(text: str) -> list[str]:
    """Lines as Python counts them (``\\n``, ``\\r\\n``, ``\\r``), endings kept.

    ``str.splitlines`` also splits on form feeds and other separators, which
    would put line numbers out of step with ``ast``.
    """
    return _LINE.findall(text)


def _encoded_lines(text: str, encoding: str) -> list[bytes]:
    bom = encoding.lower().replace("_", "-") == "utf-8-sig"
    codec = "utf-8" if bom else encoding
    lines = [line.encode(codec) for line in split_lines(text)]
    if bom:
        lines = [_BOM + lines[0], *lines[1:]] if lines else [_BOM]
    return lines


def unified_diff(old: str, new: str, path: str, encoding: str = "utf-8", context: int = 3) -> bytes:
    """The patch turning ``old`` into ``new`` (empty when they are equal)."""
    if old == new:
        return b""
    name = path.encode("utf-8", "surrogateescape")
    out: list[bytes] = []
    for line in difflib.diff_bytes(
        difflib.unified_diff,
        _encoded_lines(old, encoding),
        _encoded_lines(new, encoding),
        b"a/" + name,
        b"b/" + name,
        n=context,
        lineterm=b"\n",
    ):
        out.append(line if line.endswith(b"\n") else line + b"\n" + _NO_NEWLINE)
    return b"".join(out)
