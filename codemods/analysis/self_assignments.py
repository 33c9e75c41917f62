"""Every ``self.x = ...`` in the methods of a class, and every value stored into ``self.x``.

One walk of a class's methods, which :class:`.classes.ClassMembers` keeps per class:
the type of ``self.x`` is asked once per attribute, and walking the class again for
each cost a third of the time on one large application.
"""

from __future__ import annotations

import ast
from collections import deque

from .children import child_nodes
from .definitions import DefinedFunction
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


def collect_self_assignments(module: ModuleInfo, class_qualname: str) -> tuple[Assigned, Stored]:
    """The assignments of ``self.x`` and the values stored into ``self.x``, by attribute.

    A function nested in a method sees the method's ``self`` (a registering decorator's
    ``def decorator(func): self.handlers[name] = func``): what it stores counts, read in its
    own scope, where ``func`` is its parameter."""
    found: Assigned = {}
    items: Stored = {}
    for function in module.functions:
        if not _sees_self_of(function, class_qualname):
            continue
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
