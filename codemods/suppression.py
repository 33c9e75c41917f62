"""Suppression comments: ``# unblock: ignore[CODE]`` and ruff's ``# noqa: ASYNC210``.

Comments are read with ``tokenize`` (never a regex over raw lines, which would
match ``"# noqa"`` inside a string), and only for files that have findings.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass

_UNBLOCK = re.compile(r"#\s*unblock:\s*ignore(?:\[(?P<codes>[^\]]*)\])?", re.IGNORECASE)
_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[A-Z0-9]+(?:[,\s]+[A-Z0-9]+)*))?", re.IGNORECASE)

#: Everything is suppressed.
ALL = frozenset({"*"})


@dataclass(frozen=True)
class LineSuppression:
    unblock: frozenset[str] | None = None  # None: no comment; ALL: every code
    noqa: frozenset[str] | None = None

    def silences(self, codes: set[str]) -> bool:
        for found in (self.unblock, self.noqa):
            if found is not None and (found == ALL or found & codes):
                return True
        return False


def _codes(text: str | None) -> frozenset[str]:
    if not text:
        return ALL
    return frozenset(part.upper() for part in re.split(r"[,\s]+", text.strip()) if part)


def _comments(text: str) -> tuple[dict[int, str], bool]:
    """The comments by line, and whether the tokenizer read the whole text."""
    comments: dict[int, str] = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                comments[token.start[0]] = token.string
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return comments, False
    return comments, True


def comment_map(text: str) -> dict[int, LineSuppression]:
    """Line number -> the suppression comment on that line.

    The running Python's tokenizer stops at syntax it does not know (a 3.12
    f-string spread over lines); the comments after it are then read from the
    lowered text, which keeps every comment on its line.
    """
    comments, complete = _comments(text)
    if not complete:
        from .newer_syntax import lower

        lowered = lower(text)
        if lowered is not None:
            comments, _ = _comments(lowered.text)
    result: dict[int, LineSuppression] = {}
    for line, comment in comments.items():
        unblock = _UNBLOCK.search(comment)
        noqa = _NOQA.search(comment)
        if unblock or noqa:
            result[line] = LineSuppression(
                unblock=_codes(unblock.group("codes")) if unblock else None,
                noqa=_codes(noqa.group("codes")) if noqa else None,
            )
    return result


def may_hold_suppression(line: str) -> bool:
    """A cheap test before tokenizing: ``line`` may carry a ``noqa`` or ``unblock`` comment."""
    lowered = line.lower()
    return "#" in line and ("noqa" in lowered or "unblock" in lowered)
