"""A file API given an in-memory buffer instead of a file does no I/O.

``zipfile.ZipFile(io.BytesIO(data))`` and ``gzip.GzipFile(fileobj=buffer)`` read
memory, not disk: the call is not blocking, though the same constructor given a
path is.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from .scope import Scope

if TYPE_CHECKING:
    from .resolver import Resolver

#: Constructors that work on an in-memory buffer as well as on a file: with a BytesIO
#: they do no I/O at all (``zipfile.ZipFile(io.BytesIO(data))``).
_BUFFER_CAPABLE = frozenset({"zipfile.ZipFile", "tarfile.open", "tarfile.TarFile", "gzip.GzipFile", "gzip.open",
                             "bz2.BZ2File", "bz2.open", "lzma.LZMAFile", "lzma.open", "builtins.open"})
#: Serialisers whose cost is the file they read or write through, and where they take it
#: (position, keyword): ``pickle.dump(state, buffer)`` into a ``BytesIO`` writes memory, not
#: disk, and ``torch.save``/``numpy.save`` into one copy an array's bytes. Decoders whose cost
#: is the decoding (``soundfile.read``, ``torch.load``) are not here: a buffer saves the read,
#: not the work.
_FILE_ARGUMENT: dict[str, tuple[int, str]] = {
    "json.dump": (1, "fp"), "json.load": (0, "fp"), "pickle.dump": (1, "file"), "pickle.load": (0, "file"),
    "torch.save": (1, "f"), "numpy.save": (0, "file"),
}
_BUFFERS = frozenset({"io.BytesIO", "io.StringIO"})
#: Openers that only read a header, lazily: from a buffer they cost nothing, but what they
#: return still does the heavy work (``Image.open(io.BytesIO(data)).convert("RGB")``).
HEADER_READERS = frozenset({"PIL.Image.open"})


def in_memory(resolver: Resolver, callee: str, call: ast.Call, scope: Scope) -> bool:
    """A buffer-capable constructor or serialiser given a ``BytesIO``/``StringIO`` instead of a file."""
    if callee in _FILE_ARGUMENT:
        position, keyword = _FILE_ARGUMENT[callee]
        candidates = [*call.args[position:position + 1], *(k.value for k in call.keywords if k.arg == keyword)]
    elif callee not in _BUFFER_CAPABLE | HEADER_READERS or callee == "builtins.open":
        return False
    else:
        candidates = [*call.args[:1], *(k.value for k in call.keywords if k.arg in {"fileobj", "file", "fp"})]
    for value in candidates:
        if isinstance(value, ast.Call) and resolver.qualified(value.func, scope) in _BUFFERS:
            return True
        if isinstance(value, ast.Name):
            found = scope.lookup(value.id)
            if found is not None and all(
                b.kind == "value" and isinstance(b.node, ast.Call) and resolver.qualified(b.node.func, found[0])
                in _BUFFERS for b in found[1]
            ):
                return True
    return False
