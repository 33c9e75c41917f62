"""Code that runs a function without a call in sight.

An attribute read whose getter is a project ``@property`` runs the getter;
``with ledger:`` on an object runs its ``__enter__`` (and its ``__exit__``, where the
catalogue lists one: ``TemporaryDirectory`` removes its tree); ``await awaitable`` on a
parameter runs the coroutine the caller passed. The blocking analysis treats
each as a call, through a stand-in :class:`ast.Call` (a *marker*) placed where
the code is, so a finding points at the line and a fix knows it cannot move
the code to a thread by itself.
"""

from __future__ import annotations

import ast
from dataclasses import replace

from .call_context import CallContext
from .children import walk_nodes
from .classes import CallTarget
from .definitions import DefinedFunction, callee_name
from .frames import ENTER_CONTEXT, Known, iter_loop_nodes
from .resolver import Resolver
from .scope import Scope, parameter_binding

#: The ``with`` operands entered and left here: a name, an attribute or a call's result.
_MANAGERS = (ast.Name, ast.Attribute, ast.Call)


class ImplicitCalls(CallContext):
    """The implicit calls of a function's frame (mixed into :class:`.blocking.BlockingAnalysis`)."""

    resolver: Resolver
    #: One marker call per node, so repeated analyses hand out the same node.
    _markers: dict[tuple[int, str], tuple[ast.AST, ast.Call]]

    def _implicit_calls(self, function: DefinedFunction, known: Known = (), root: bool = False
                        ) -> list[tuple[ast.Call, CallTarget, ast.Attribute | None]]:
        """Code that runs a method without a call in sight: an attribute read whose getter is a
        project ``@property`` (``permissions=self.permissions``), ``with ledger:`` on an object,
        which runs its ``__enter__``, and ``await awaitable`` on a parameter, which runs the
        coroutines callers pass (the attribute is ``None`` then: the marker is awaited).

        Which coroutine a helper awaits depends on the call, so as a helper it blocks only
        when every coroutine passed to it does. Checked as the ``root`` (a task wrapper that
        ``create_task`` runs: ``safe_run`` awaiting what it was given), it blocks when any does.
        """
        found: list[tuple[ast.Call, CallTarget, ast.Attribute | None]] = []
        scope = self.scope_for(function, known)
        called: set[int] = set()
        for node in iter_loop_nodes(function.node.body, per_call=True, known=known):
            if isinstance(node, ast.Call):
                called.add(id(node.func))
                if callee_name(node) == ENTER_CONTEXT and len(node.args) == 1 and not node.keywords:
                    # ``stack.enter_context(manager)`` (an ``ExitStack``) enters it as ``with`` would.
                    found += self._entered(node, node.args[0], scope)
            elif isinstance(node, ast.Await) and isinstance(node.value, ast.Name):
                parameter = parameter_binding(scope, node.value.id)
                target = self.resolver.arguments.passed_callable(parameter, coroutine=True) if parameter else None
                if target is not None:
                    target = replace(target, every=False, strict=False) if root else target
                    found.append((self._marker(node, node.value), target, None))
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load) and id(node) not in called:
                target = self.resolver.property_getter(node, scope)
                if target is not None:
                    marker = self._marker(node, node)
                    found.append((marker, target, node))
            elif isinstance(node, ast.With):
                for item in node.items:
                    # ``with lock:`` and ``with FileLock(path):`` both run the object's ``__enter__``.
                    found += self._entered(item, item.context_expr, scope)
                    found += self._exit(item, node, scope)
        return found

    def _entered(self, key: ast.AST, manager: ast.expr, scope: Scope
                 ) -> list[tuple[ast.Call, CallTarget, ast.Attribute | None]]:
        """Entering ``manager`` (a ``with`` item, or what ``enter_context`` is given) runs its ``__enter__``."""
        if not isinstance(manager, _MANAGERS):
            return []
        marker = self._marker(key, ast.copy_location(ast.Attribute(manager, "__enter__", ast.Load()), manager))
        target = self.resolver.call_target(marker, scope)
        if target is not None and (target.api or target.function or target.alternatives) \
                and isinstance(marker.func, ast.Attribute):
            return [(marker, target, marker.func)]
        return []

    def _exit(self, item: ast.withitem, block: ast.With, scope: Scope) -> list[tuple[ast.Call, CallTarget, ast.Attribute]]:
        """The end of ``with manager:``, when the catalogue lists that type's ``__exit__`` by name
        (``TemporaryDirectory`` removes its tree there; a wildcard entry does not count), and the
        block's body does what makes it wait, where the entry says (``exit_blocks_after``)."""
        manager = item.context_expr
        if not isinstance(manager, _MANAGERS):
            return []
        owner = self.resolver.type_of(manager, scope)
        api = self.resolver.catalogue.apis.get(f"{owner}.__exit__") if owner else None
        if api is None or api.exit_blocks_after and not any(
                isinstance(node, ast.Call) and callee_name(node) in api.exit_blocks_after
                for statement in block.body for node in walk_nodes(statement)):
            return []
        leave = ast.copy_location(ast.Attribute(manager, "__exit__", ast.Load()), manager)
        marker = self._marker(item, leave, "exit")
        assert isinstance(marker.func, ast.Attribute)
        return [(marker, CallTarget(api.qualname, api=api), marker.func)]

    def _marker(self, key: ast.AST, func: ast.expr, slot: str = "") -> ast.Call:
        """One stand-in call per node (and ``slot``: a ``with`` item has an entry and an exit), so
        repeated analyses hand out the same node."""
        cached = self._markers.get((id(key), slot))
        if cached is None or cached[0] is not key:
            marker = ast.copy_location(ast.Call(func=func, args=[], keywords=[]), func)
            cached = self._markers[(id(key), slot)] = (key, marker)
        return cached[1]
