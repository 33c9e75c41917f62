"""Names a package exports lazily, through a module ``__getattr__``.

Large libraries keep their ``__init__`` cheap to import: instead of importing
every class, they define ``__getattr__(name)`` and import the class on first
use, reading where it lives from a table. ``from langchain_community.document_loaders
import PyPDFLoader`` names nothing the package binds; the table says it lives in
``langchain_community.document_loaders.pdf``. Without reading the table, every
call through such a package stops at the package.

The tables come in two shapes, and both are read as plain literals:

- name -> module: ``{"PyPDFLoader": "langchain_community.document_loaders.pdf"}``
  (absolute, ``".pdf"`` relative, or ``"pdf"`` below the package);
- module -> names: ``{"pdf": ["PyPDFLoader", ...]}`` (``_import_structure``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from .modules import ModuleInfo


def lazy_export_candidates(info: ModuleInfo, name: str) -> Iterator[str]:
    """Dotted names ``name`` may be, when ``info`` exports it lazily (nothing when it does not)."""
    if "__getattr__" not in info.by_qualname:
        return
    package = info.name if info.is_package else info.name.rpartition(".")[0]
    for statement in info.tree.body:
        table = _assigned_dict(statement)
        if table is None:
            continue
        for key, value in zip(table.keys, table.values):
            if _text(key) == name and _text(value) is not None:
                yield from _placed(str(_text(value)), name, package)
            elif isinstance(value, (ast.List, ast.Tuple, ast.Set)) and _text(key) is not None \
                    and any(_text(item) == name for item in value.elts):
                yield from _placed(str(_text(key)), name, package)


def _assigned_dict(statement: ast.stmt) -> ast.Dict | None:
    value = statement.value if isinstance(statement, (ast.Assign, ast.AnnAssign)) else None
    return value if isinstance(value, ast.Dict) else None


def _text(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _placed(module: str, name: str, package: str) -> Iterator[str]:
    """Where a table's module string puts ``name``: relative, below the package, or absolute."""
    if module.startswith("."):
        yield f"{package}{module}.{name}"
        return
    yield f"{package}.{module}.{name}"
    yield f"{module}.{name}"
