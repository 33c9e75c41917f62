"""Unified diffs that ``git apply`` accepts.

Headers are ``a/<path>`` and ``b/<path>`` relative to the current directory;
a last line without a newline gets git's ``\\ No newline at end of file``
marker; CRLF lines are kept byte for byte.
"""

from __future__ import annotations

import difflib
import re

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def split_lines(text: str) -> list[str]:
    """Lines as Python counts them (``\\n``, ``\\r\\n``, ``\\r``), endings kept.

    ``str.splitlines`` also splits on form feeds and other separators, which
    would put line numbers out of step with ``ast``.
    """
    return _LINE.findall(text)


def unified_diff(old: str, new: str, path: str, context: int = 3) -> str:
    if old == new:
        return ""
    out: list[str] = []
    for line in difflib.unified_diff(
        split_lines(old), split_lines(new), f"a/{path}", f"b/{path}", n=context, lineterm="\n"
    ):
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)
