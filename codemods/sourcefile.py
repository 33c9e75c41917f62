"""Bytes <-> text for source files, keeping what the user had.

The encoding comes from the BOM or the PEP 263 cookie (``tokenize.detect_encoding``),
newlines are never translated (``bytes.decode`` keeps ``\\r\\n``), and
:func:`encode` gives back exactly the input bytes for unchanged text.
"""

from __future__ import annotations

import hashlib
import io
import tokenize
from dataclasses import dataclass


class SourceError(Exception):
    """The bytes are not a readable Python source; the message says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    #: ``utf-8-sig`` when the file starts with a BOM, so encoding puts it back.
    encoding: str
    digest: str


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def decode(data: bytes) -> Decoded:
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as error:
        raise SourceError(f"unknown or invalid encoding declaration: {error}") from error
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise SourceError(f"not valid {encoding}: {error}") from error
    if "\x00" in text:
        raise SourceError("contains NUL bytes; not a Python source file")
    return Decoded(text=text, encoding=encoding, digest=digest(data))


def encode(text: str, encoding: str) -> bytes:
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as error:
        raise SourceError(f"the rewrite cannot be encoded as {encoding}: {error}") from error
