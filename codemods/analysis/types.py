"""The class of the object an expression holds, where it can be known statically.

Only what the catalogue describes matters (a ``requests.Session``, an
``httpx.Client``, a ``pathlib.Path``...), so this is deliberately small: a
constructor or factory call, ``with X() as v``, a parameter or variable
annotation (``Optional``/``| None``/``Annotated`` unwrapped), a name whose
bindings all agree, an attribute or ``/`` on a ``Path``. Anything else is
unknown, and unknown never blocks.
"""

from __future__ import annotations

import ast

from ..catalogue import Catalogue
from .scope import Scope, qualified_name

_MAX_DEPTH = 8


def annotation_type(annotation: ast.AST, scope: Scope, catalogue: Catalogue) -> str | None:
    """``Session``, ``Optional[Session]``, ``Session | None``, ``Annotated[Session, ...]``."""
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            annotation = ast.parse(annotation.value, mode="eval").body
        except SyntaxError:
            return None
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        left = annotation_type(annotation.left, scope, catalogue)
        right = annotation_type(annotation.right, scope, catalogue)
        return left or right if not (left and right and left != right) else None
    if isinstance(annotation, ast.Subscript):
        outer = qualified_name(annotation.value, scope) or ""
        inner = annotation.slice
        if outer.endswith(("Optional", "Annotated")):
            first = inner.elts[0] if isinstance(inner, ast.Tuple) and inner.elts else inner
            return annotation_type(first, scope, catalogue)
        return None
    name = qualified_name(annotation, scope)
    if name is None:
        return None
    name = catalogue.canonical(name)
    return name if name in catalogue.classes else None


def expression_type(expr: ast.AST, scope: Scope, catalogue: Catalogue, depth: int = 0) -> str | None:
    if depth > _MAX_DEPTH:
        return None
    if isinstance(expr, ast.Call):
        callee = qualified_name(expr.func, scope)
        if callee is not None:
            callee = catalogue.canonical(callee)
            found = catalogue.type_of_call(callee)
            if found is not None or isinstance(expr.func, ast.Attribute):
                return found
        if isinstance(expr.func, ast.Attribute):
            owner = expression_type(expr.func.value, scope, catalogue, depth + 1)
            if owner is not None:
                return catalogue.returns.get(f"{owner}.{expr.func.attr}")
            return None
        # Calling an instance: ``SessionLocal()`` where ``SessionLocal = sessionmaker(...)``.
        owner = expression_type(expr.func, scope, catalogue, depth + 1)
        return catalogue.returns.get(f"{owner}.__call__") if owner is not None else None
    if isinstance(expr, ast.Name):
        return _name_type(expr.id, scope, catalogue, depth)
    if isinstance(expr, ast.Attribute):
        owner = expression_type(expr.value, scope, catalogue, depth + 1)
        if owner is not None:
            return catalogue.returns.get(f"{owner}.{expr.attr}")
        return None
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Div):
        left = expression_type(expr.left, scope, catalogue, depth + 1)
        return left if left == "pathlib.Path" else None
    return None


def _name_type(name: str, scope: Scope, catalogue: Catalogue, depth: int) -> str | None:
    found = scope.lookup(name)
    if found is None:
        return None
    owner, bindings = found
    types: set[str | None] = set()
    for binding in bindings:
        if binding.kind == "value" and binding.node is not None:
            types.add(expression_type(binding.node, owner, catalogue, depth + 1))
        elif binding.kind == "annotation" and binding.node is not None:
            types.add(annotation_type(binding.node, owner, catalogue))
        else:
            return None
    if len(types) == 1:
        return types.pop()
    return None
