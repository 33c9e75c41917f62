"""Every ``self.x = ...`` in the methods of a class, and every value stored into ``self.x``.

Each method is walked once, and what it assigns kept by attribute in a
:class:`SelfAssignments` that :class:`.classes.ClassMembers` keeps per class: the type
of ``self.x`` is asked once per attribute, and walking the class again for each cost a
third of the time on one large application.
"""

from __future__ import annotations

import ast
from collections import deque

from .children import child_nodes
from .definitions import DefinedFunction
from .lazy_bodies import Mentions
from .modules import ModuleInfo
from .scope import stored_values

#: Attribute -> the functions assigning it and the assignments, in source order.
Assigned = dict[str, list[tuple[DefinedFunction, ast.Assign | ast.AnnAssign]]]
#: Attribute -> the values stored into it (``self.x[key] = value``, ``self.x.append(value)``).
Stored = dict[str, list[tuple[DefinedFunction, ast.expr]]]


def self_attribute(target: ast.expr) -> str | None:
    """``x`` of a ``self.x`` expression."""
    if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
        return target.attr
    return None


class SelfAssignments:
    """The assignments of ``self.x`` in one class's methods and the values stored into ``self.x``,
    asked for by attribute. A method is walked once, when first asked for an attribute its lines
    name, and what it assigns is kept by attribute; a method whose body nothing has read and whose
    lines never name the attribute is passed over unparsed (see :mod:`.lazy_bodies`).

    A function nested in a method sees the method's ``self`` (a registering decorator's
    ``def decorator(func): self.handlers[name] = func``): what it stores counts, read in its
    own scope, where ``func`` is its parameter."""

    __slots__ = ("_answers", "functions", "walked")

    def __init__(self, module: ModuleInfo, class_qualname: str) -> None:
        self.functions = [f for f in module.functions if _sees_self_of(f, class_qualname)]
        self.walked: list[tuple[Assigned, Stored] | None] = [None] * len(self.functions)
        self._answers: dict[str, tuple[list[tuple[DefinedFunction, ast.Assign | ast.AnnAssign]],
                                       list[tuple[DefinedFunction, ast.expr]] | None]] = {}

    def of(self, attr: str) -> tuple[list[tuple[DefinedFunction, ast.Assign | ast.AnnAssign]],
                                      list[tuple[DefinedFunction, ast.expr]] | None]:
        """The assignments of ``self.attr`` in source order, and the values stored into it
        (``None`` when nothing is stored into it)."""
        known = self._answers.get(attr)
        if known is not None:
            return known
        assigned: list[tuple[DefinedFunction, ast.Assign | ast.AnnAssign]] = []
        stored: list[tuple[DefinedFunction, ast.expr]] | None = None
        mentions = Mentions(attr)
        for position, function in enumerate(self.functions):
            found = self.walked[position]
            if found is None:
                if mentions.unread_without(function.node, body_only=False):  # the walk reads its signature too
                    continue
                found = self.walked[position] = _assignments_in(function)
            assigned += found[0].get(attr, ())
            if attr in found[1]:
                stored = [*(stored or ()), *found[1][attr]]
        self._answers[attr] = assigned, stored
        return assigned, stored


def _assignments_in(function: DefinedFunction) -> tuple[Assigned, Stored]:
    """What one function assigns to ``self.x`` and stores into ``self.x``, by attribute."""
    found: Assigned = {}
    items: Stored = {}
    for node in _own_nodes(function.node):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            stored_in = self_attribute(node.func.value)
            if stored_in is not None:
                items.setdefault(stored_in, []).extend((function, v) for v in stored_values(node))
            continue
        if not isinstance(node, (ast.Assign, ast.AnnAssign)):
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for name in dict.fromkeys(filter(None, map(self_attribute, targets))):
            found.setdefault(name, []).append((function, node))
        for target in targets:
            stored_in = self_attribute(target.value) if isinstance(target, ast.Subscript) else None
            if stored_in is not None and node.value is not None:
                items.setdefault(stored_in, []).append((function, node.value))
    return found, items


def _sees_self_of(function: DefinedFunction, class_qualname: str) -> bool:
    """A method of the class, or a function nested in one that does not bind ``self`` itself."""
    while function.owner_class is None and function.parent is not None:
        if _binds_self(function.node):
            return False
        function = function.parent
    return function.owner_class == class_qualname


def _binds_self(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    args = node.args
    return any(arg.arg == "self" for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs))


def _own_nodes(node: ast.AST) -> list[ast.AST]:
    """The nodes of a function's body, not those of the functions and classes nested in it
    (each is walked as a function of its own)."""
    found: list[ast.AST] = []
    todo = deque(child_nodes(node))  # breadth first, as ``ast.walk``: source order per level
    while todo:
        child = todo.popleft()
        found.append(child)
        if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            todo.extend(child_nodes(child))
    return found
