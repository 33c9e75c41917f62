"""Modules held as values, and the names read through them.

An optional dependency is often imported the first time it is needed, by a helper
that keeps the module in a global and returns it (``def _load_stripe() ->
Optional["stripe"]: ... import stripe as _stripe; _module = _stripe; return
_module``); the handler then calls ``stripe = _load_stripe()`` and
``stripe.Subscription.retrieve(...)``. The value's type is ``module:stripe``
(from an ``import`` statement's binding, or an annotation naming an imported
module), and an attribute chain read from it names what it names in the module:
``stripe.Subscription.retrieve``, a catalogue entry like any other.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from .names import dotted_parts
from .scope import Scope

if TYPE_CHECKING:
    from .resolver import Resolver

#: Prefix of a module held as a value: ``module:stripe``.
MODULE = "module:"


def module_type(module: str) -> str:
    """The type of a value holding ``module``."""
    return f"{MODULE}{module}"


def imported_module(name: str, scope: Scope) -> str | None:
    """The module ``name`` is bound to by ``import`` statements only (``import stripe``,
    ``import stripe as _stripe``; ``from x import y`` may bind a class), else ``None``."""
    found = scope.lookup(name)
    if found is None or not all(isinstance(b.node, ast.Import) for b in found[1]):
        return None
    targets = {b.target for b in found[1]}
    return targets.pop() if len(targets) == 1 else None


class ModuleValues:
    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self._typing_a_root = False

    def name_through(self, expr: ast.AST, scope: Scope) -> str | None:
        """``stripe.Subscription.retrieve`` where the name ``stripe`` holds ``module:stripe``:
        the name the attribute chain has in that module (``None`` for anything else)."""
        root = expr
        while isinstance(root, ast.Attribute):
            root = root.value
        if root is expr or not isinstance(root, ast.Name) or self._typing_a_root or scope.lookup(root.id) is None:
            return None
        # Asked without a depth: the question this starts is not asked again inside its own
        # answer, so a chain of caller-typed parameters still ends at the resolver's bound.
        self._typing_a_root = True
        try:
            held = self.resolver.type_of(root, scope)
        finally:
            self._typing_a_root = False
        if held is None or not held.startswith(MODULE) or "|" in held:
            return None
        parts = dotted_parts(expr)
        return ".".join([held[len(MODULE):], *parts[1:]]) if parts else None
