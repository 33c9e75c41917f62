"""Type strings: how the analysis writes a type it found, and how it joins them.

A type is its qualified name (``openai.OpenAI``); a value of several types is
their union, ``a.Client|b.Client`` (sorted, bounded); a container of clients
is ``container:openai.OpenAI``. Kept apart from :mod:`.declared`, which reads
them out of annotations, because most of the analysis only joins and splits
them.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Prefix of a container type: ``container:openai.OpenAI`` holds OpenAI clients.
CONTAINER = "container:"


def container_of(element: str | None) -> str | None:
    """The type of a container holding ``element``. A union's members each get a container type
    (``container:a.A|container:b.B``), so the string stays a union of types when it is itself
    joined into a union: ``container:a.A|b.B`` would read as a container of ``a.A`` or a ``b.B``."""
    return "|".join(f"{CONTAINER}{member}" for member in members(element)) if element else None


def element_of(container: str | None) -> str | None:
    """The element type of a container type (``None`` for anything else)."""
    if container is None or not all(member.startswith(CONTAINER) for member in members(container)):
        return None
    return union(member[len(CONTAINER):] for member in members(container))


#: At most this many types in a union; a name bound to more is left untyped.
_MAX_UNION = 8


def union(types: Iterable[str]) -> str | None:
    """One type string for several: ``a.Client|b.Client`` (sorted, so equal unions are equal strings)."""
    members = sorted({m for t in types for m in t.split("|")})
    if not members or len(members) > _MAX_UNION:
        return None
    return "|".join(members)


def members(type_name: str) -> list[str]:
    """The types a union type string stands for (a plain type: itself)."""
    return type_name.split("|")
