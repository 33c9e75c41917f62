"""JSON text exactly as ``json.dumps(value, indent=2)`` writes it, in pieces, faster up to Python 3.12.

Up to Python 3.12 the standard library indents in Python: a generator yields
every bracket, comma and string, one at a time. One large application's
report (agno: 26 MB, 367 findings with 49,000 blocking calls, each with the
chain of calls that reaches it) took 0.55 s to encode, half of a warm run.
Here the layout is made with ``str.join`` (one join for a whole call chain,
a list of strings) and each string is still escaped by the standard library's
own C function, as ``json.dumps`` escapes it (``ensure_ascii``). A value of
any other shape (a float, a dictionary with keys that are not strings) is
left to ``json.dumps`` itself and only indented further. From Python 3.13
the standard library indents in C, faster still, and is used instead.

An item of a top-level list may come laid out already (:class:`Rendered`: a
finding the worker that found it wrote, kept with the cached outcome); it is
written as it is.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from json.encoder import encode_basestring_ascii as _quoted
from typing import Any

_INDENT = "  "
#: Whether ``json.dumps(..., indent=...)`` runs in C (Python 3.13 and later).
C_ENCODER_INDENTS = sys.version_info >= (3, 13)


class Rendered(str):
    """JSON text of an item of a top-level list, laid out as :func:`json_tokens` would lay it
    out there (two indents deep): written as it is."""


def json_text(value: Any, level: int = 0) -> str:
    """``value`` as ``json.dumps(value, indent=2)`` gives it, nested ``level`` indents deep."""
    if C_ENCODER_INDENTS:
        return json.dumps(value, indent=2).replace("\n", "\n" + _INDENT * level)
    kind = value.__class__
    if kind is str:
        return _quoted(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    inner = "\n" + _INDENT * (level + 1)
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        if all(item.__class__ is str for item in value):
            items = ("," + inner).join(map(_quoted, value))  # a call chain: one join
        else:
            items = ("," + inner).join([json_text(item, level + 1) for item in value])
        return "[" + inner + items + inner[: -len(_INDENT)] + "]"
    if kind is dict and all(key.__class__ is str for key in value):
        if not value:
            return "{}"
        fields = []
        for key, item in value.items():
            item_kind = item.__class__
            if item_kind is str:
                text = _quoted(item)
            elif item_kind is int:
                text = int.__repr__(item)
            else:
                text = json_text(item, level + 1)
            fields.append(_quoted(key) + ": " + text)
        return "{" + inner + ("," + inner).join(fields) + inner[: -len(_INDENT)] + "}"
    # Anything else is the standard library's to write; JSON text holds no raw newline but
    # between its lines, so indenting every line after the first nests it.
    return json.dumps(value, indent=2).replace("\n", "\n" + _INDENT * level)


def json_tokens(value: Any) -> Iterator[str]:
    """:func:`json_text` of ``value`` in pieces: one per item of the lists in a top-level
    dictionary (each finding of a report), so a large report is never held whole. Such an
    item may be :class:`Rendered` already."""
    if value.__class__ is not dict or not value or not all(key.__class__ is str for key in value):
        yield json_text(value)
        return
    yield "{"
    for number, (key, item) in enumerate(value.items()):
        yield ("\n" if number == 0 else ",\n") + _INDENT + _quoted(key) + ": "
        if (item.__class__ is list or item.__class__ is tuple) and item:
            for position, element in enumerate(item):
                text = element if element.__class__ is Rendered else json_text(element, 2)
                yield ("[\n" if position == 0 else ",\n") + _INDENT * 2 + text
            yield "\n" + _INDENT + "]"
        else:
            yield json_text(item, 1)
    yield "\n}"
