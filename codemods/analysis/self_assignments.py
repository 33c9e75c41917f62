"""Every ``self.x = ...`` in the methods of a class, and every value stored into ``self.x``.

One walk of a class's methods, which :class:`.classes.ClassMembers` keeps per class:
the type of ``self.x`` is asked once per attribute, and walking the class again for
each cost a third of the time on one large application.
"""

from __future__ import annotations

import ast

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
    """The assignments of ``self.x`` and the values stored into ``self.x``, by attribute."""
    found: Assigned = {}
    items: Stored = {}
    for function in module.functions:
        if function.owner_class != class_qualname:
            continue
        for node in ast.walk(function.node):
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
