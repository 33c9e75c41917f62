"""Unified diffs that ``git apply`` accepts, byte for byte.

The patch is built from the file's own bytes: each line is encoded in the
file's encoding (a UTF-8 BOM stays on the first line), CRLF endings are kept,
and a last line without a newline gets git's ``\\ No newline at end of file``
marker. Headers are ``a/<path>`` and ``b/<path>`` relative to the current
directory, so ``fastapi-unblock app/ > fix.patch && git apply fix.patch``
gives exactly what ``--apply`` writes.

Also the other comparison of two texts: :func:`changed_outside` says whether a
rewrite changed anything outside the spans it was allowed to change.
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


def merged_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Line spans (first, last; inclusive), sorted, with those that overlap made one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def changed_outside(old: str, new: str, spans: list[tuple[int, int]]) -> str | None:
    """Where ``new`` changes a line of ``old`` outside ``spans``, or ``None``: every line outside
    them must be in ``new``, in order, unchanged (a rewrite proves it touched nothing else).

    Linear: the text between the spans is cut into segments that must be found
    one after another in the new text (the first at its very start, the last at
    its very end); only what replaced the spans may sit between them. A diff
    (``difflib``) would be quadratic on large, repetitive files.
    """
    lines = split_lines(old)
    segments: list[tuple[int, str]] = []
    line = 1
    for start, end in merged_spans([(max(1, a), b) for a, b in spans]):
        if start > line:
            segments.append((line, "".join(lines[line - 1 : start - 1])))
        line = max(line, end + 1)
    tail = "".join(lines[line - 1 :])
    position = 0
    for index, (first_line, segment) in enumerate(segments):
        found = new.find(segment, position)
        if found < 0 or (index == 0 and first_line == 1 and found != 0):
            return (f"the rewrite would change a line near line {first_line}, outside the fixed functions and the "
                    "import block")
        position = found + len(segment)
    if tail and (not new.endswith(tail) or len(new) - len(tail) < position):
        return f"the rewrite would change a line at or after line {line}, outside the fixed functions"
    return None
