"""Small builders shared by the data modules, so each table reads as data."""

from __future__ import annotations

from collections.abc import Iterable

from .model import BlockingApi, Returns


def each(
    owner: str,
    names: Iterable[str],
    category: str,
    *,
    why: str,
    ruff_codes: tuple[str, ...] = (),
    twin: str | None = None,
    lazy: bool = False,
) -> list[BlockingApi]:
    """One entry per ``owner.name``; ``twin`` is the async owner with the same method names."""
    return [
        BlockingApi(
            f"{owner}.{name}",
            category,
            async_twin=f"{twin}.{name}" if twin else None,
            ruff_codes=ruff_codes,
            why=why,
            lazy=lazy,
        )
        for name in names
    ]


def instance(*classes: str) -> list[Returns]:
    """Constructors that only configure: calling the class gives an instance to track."""
    return [Returns(cls, cls) for cls in classes]


def same_type(owner: str, names: Iterable[str]) -> list[Returns]:
    """Builder methods that return another object of the owner's type (``query.filter``)."""
    return [Returns(f"{owner}.{name}", owner) for name in names]


def returning(owner: str, names: Iterable[str], result: str) -> list[Returns]:
    """Several methods of ``owner`` that give a ``result``."""
    return [Returns(f"{owner}.{name}", result) for name in names]
