"""Whether a project class configures what its library base reads when an instance is made.

A pydantic settings class reads its ``.env`` file (or its secrets folder) each time it is
instantiated, but only when its configuration names one: ``class Config: env_file = ".env"``
(pydantic 1), ``model_config = SettingsConfigDict(env_file=".env")`` or a plain dict
(pydantic 2), or a keyword of the ``class`` statement itself. A setting given ``None`` names
nothing. Bases are merged the way pydantic merges them: the nearest class that sets a key
decides it, so a subclass can switch off what its base switched on.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence

#: The attribute a pydantic 2 model keeps its configuration in.
_MODEL_CONFIG = "model_config"


def configures(classes: Sequence[ast.ClassDef], keys: Sequence[str]) -> bool:
    """Whether the nearest setting of any of ``keys`` along ``classes`` (nearest first) is not ``None``."""
    decided: dict[str, bool] = {}
    for node in classes:
        for key, value in _settings(node):
            if key in keys:
                decided.setdefault(key, not (isinstance(value, ast.Constant) and value.value is None))
    return any(decided.values())


def _settings(node: ast.ClassDef) -> Iterator[tuple[str, ast.expr]]:
    """The configuration keys one class statement sets, with their values."""
    for keyword in node.keywords:
        if keyword.arg is not None:
            yield keyword.arg, keyword.value
    for statement in node.body:
        if isinstance(statement, ast.ClassDef) and statement.name == "Config":
            for item in statement.body:
                yield from _assigned(item)
        for name, value in _assigned(statement):
            if name == _MODEL_CONFIG:
                yield from _entries(value)


def _assigned(statement: ast.stmt) -> Iterator[tuple[str, ast.expr]]:
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
            and isinstance(statement.targets[0], ast.Name):
        yield statement.targets[0].id, statement.value
    elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) \
            and statement.value is not None:
        yield statement.target.id, statement.value


def _entries(value: ast.expr) -> Iterator[tuple[str, ast.expr]]:
    """``SettingsConfigDict(env_file=".env")`` or ``{"env_file": ".env"}``."""
    if isinstance(value, ast.Call):
        yield from ((k.arg, k.value) for k in value.keywords if k.arg is not None)
    elif isinstance(value, ast.Dict):
        yield from ((k.value, v) for k, v in zip(value.keys, value.values, strict=True)
                    if isinstance(k, ast.Constant) and isinstance(k.value, str))
