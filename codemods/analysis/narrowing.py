"""Classes a function asserts a name holds, when nothing else types it.

``store = _get_store()`` from a registry of builders says nothing of what
``store`` is; the next line, ``_validate_store(store)``, whose body is
``if not isinstance(store, SqlAlchemyStore): raise ...``, does: past it,
``store`` is a ``SqlAlchemyStore``. So do ``assert isinstance(store, X)`` and
``if not isinstance(store, X): raise`` (or ``return``) in the function itself.
The analysis is flow-insensitive, so an assertion anywhere in the frame types
the name there; it is asked only for a name its bindings leave untyped.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .declared import union
from .frames import iter_loop_nodes, passed_arguments

if TYPE_CHECKING:
    from .resolver import Resolver
    from .scope import Scope


def asserted_type(resolver: Resolver, name: str, owner: Scope, depth: int) -> str | None:
    """The classes the frame binding ``name`` asserts it is, itself or through a helper it hands
    the name to (one call deep)."""
    function = owner.function
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    classes = [(c, owner) for c in _asserted_classes(function.body, name)]
    for call in _calls_given(function.body, name):
        target = resolver.call_target(call, owner, depth + 1)
        helper = target.function if target is not None else None
        if helper is None:
            continue
        for parameter, argument in passed_arguments(call, helper).items():
            if isinstance(argument, ast.Name) and argument.id == name:
                classes += [(c, helper.scope) for c in _asserted_classes(helper.node.body, parameter)]
    return union(t for t in (resolver.annotation_type(c, where, depth + 1) for c, where in classes) if t)


def _asserted_classes(body: list[ast.stmt], name: str) -> Iterator[ast.expr]:
    for node in iter_loop_nodes(body):
        if isinstance(node, ast.Assert):
            yield from _isinstance_classes(node.test, name)
        elif (isinstance(node, ast.If) and not node.orelse and isinstance(node.test, ast.UnaryOp)
              and isinstance(node.test.op, ast.Not) and isinstance(node.body[-1], (ast.Raise, ast.Return))):
            yield from _isinstance_classes(node.test.operand, name)


def _calls_given(body: list[ast.stmt], name: str) -> Iterator[ast.Call]:
    """Statements that only call something with ``name`` as an argument: ``_validate_store(store)``."""
    for node in iter_loop_nodes(body):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and any(
                isinstance(a, ast.Name) and a.id == name
                for a in (*node.value.args, *(k.value for k in node.value.keywords))):
            yield node.value


def _isinstance_classes(test: ast.expr, name: str) -> Iterator[ast.expr]:
    if (isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id == "isinstance"
            and len(test.args) == 2 and isinstance(test.args[0], ast.Name) and test.args[0].id == name):
        classes = test.args[1]
        yield from (classes.elts if isinstance(classes, ast.Tuple) else [classes])
