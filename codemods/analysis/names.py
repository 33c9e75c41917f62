"""What a dotted expression names: ``requests.get`` through the imports of the scope it is in.

Split from :mod:`.scope`, which builds the scopes these functions read."""

from __future__ import annotations

import ast
import builtins

from .scope import Scope

_BUILTIN_NAMES = frozenset(dir(builtins))


def dotted_parts(expr: ast.AST) -> list[str] | None:
    """``a.b.c`` -> ``["a", "b", "c"]``; anything else -> ``None``."""
    parts: list[str] = []
    while isinstance(expr, ast.Attribute):
        parts.append(expr.attr)
        expr = expr.value
    if not isinstance(expr, ast.Name):
        return None
    parts.append(expr.id)
    parts.reverse()
    return parts


def qualified_name(expr: ast.AST, scope: Scope) -> str | None:
    """The fully qualified name an expression refers to, through imports.

    ``None`` when the root name is a local variable, a parameter or anything
    else that is not an import (or builtin), so shadowed names never match.
    Names defined in the module itself resolve to ``<module>.<name>``.
    """
    parts = dotted_parts(expr)
    if parts is None:
        return None
    root = parts[0]
    found = scope.lookup(root)
    if found is None:
        if root in _BUILTIN_NAMES:
            return ".".join(["builtins", *parts])
        return None
    owner, bindings = found
    kinds = {b.kind for b in bindings}
    fallbacks = [b for b in bindings if b.kind == "function" or (
        b.kind == "value" and isinstance(b.node, ast.Constant) and b.node.value is None)]
    if fallbacks and len(bindings) - len(fallbacks) == 1 and kinds - {"function", "value"} == {"import"}:
        # ``try: from .mail import send`` / ``except ImportError: def send(...)`` (or
        # ``send = None``): the import is what runs wherever the dependency is installed.
        bindings = [b for b in bindings if b.kind == "import"]
        kinds = {"import"}
    if kinds == {"import"}:
        targets = {b.target for b in bindings}
        if len(targets) != 1:
            return None
        return ".".join([targets.pop(), *parts[1:]])
    if owner.parent is None and kinds <= {"function", "class"} and len(bindings) == 1:
        prefix = f"{owner.module}.{root}" if owner.module else root
        return ".".join([prefix, *parts[1:]])
    return None
