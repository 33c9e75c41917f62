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
from typing import TYPE_CHECKING

from .body_memo import once_per_body
from .frames import iter_loop_nodes, passed_arguments
from .type_strings import union

if TYPE_CHECKING:
    from .resolver import Resolver
    from .scope import Scope


class Assertions:
    """What each function's frame asserts, listed once per function: every untyped name of the
    frame asks, and walking the frame for each of them grew with names times statements."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver

    def asserted_type(self, name: str, owner: Scope, depth: int) -> str | None:
        """The classes the frame binding ``name`` asserts it is, itself or through a helper it
        hands the name to (one call deep)."""
        function = owner.function
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return None
        frame = self._frame(function)
        classes = [(c, owner) for c in frame.classes.get(name, ())]
        for call in frame.calls.get(name, ()):
            target = self.resolver.call_target(call, owner, depth + 1)
            helper = target.function if target is not None else None
            if helper is None:
                continue
            for parameter, argument in passed_arguments(call, helper).items():
                if isinstance(argument, ast.Name) and argument.id == name:
                    classes += [(c, helper.scope) for c in self._frame(helper.node).classes.get(parameter, ())]
        annotation_type = self.resolver.annotation_type
        return union(t for t in (annotation_type(c, where, depth + 1) for c, where in classes) if t)

    def _frame(self, function: ast.FunctionDef | ast.AsyncFunctionDef) -> _Frame:
        return once_per_body("assertions", function, lambda: _Frame(function.body))


class _Frame:
    """A frame's assertions by name: ``isinstance`` classes it asserts, and the statements that
    only call something with the name as an argument (``_validate_store(store)``)."""

    def __init__(self, body: list[ast.stmt]) -> None:
        self.classes: dict[str, list[ast.expr]] = {}
        self.calls: dict[str, list[ast.Call]] = {}
        for node in iter_loop_nodes(body):
            if isinstance(node, ast.Assert):
                self._asserts(node.test)
            elif (isinstance(node, ast.If) and not node.orelse and isinstance(node.test, ast.UnaryOp)
                  and isinstance(node.test.op, ast.Not) and isinstance(node.body[-1], (ast.Raise, ast.Return))):
                self._asserts(node.test.operand)
            elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
                for argument in (*node.value.args, *(k.value for k in node.value.keywords)):
                    if isinstance(argument, ast.Name):
                        self.calls.setdefault(argument.id, []).append(node.value)

    def _asserts(self, test: ast.expr) -> None:
        if (isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id == "isinstance"
                and len(test.args) == 2 and isinstance(test.args[0], ast.Name)):
            classes = test.args[1]
            self.classes.setdefault(test.args[0].id, []).extend(
                classes.elts if isinstance(classes, ast.Tuple) else [classes])
