"""Functions kept as values: in variables, lists and dicts, then called.

``CHECKS = [check_db, check_api]`` and ``for check in CHECKS: check()``;
``HANDLERS = {"db": check_db}`` and ``HANDLERS[name]()``; ``STARTUP.append(fn)``
in a registering decorator and ``for hook in STARTUP: await hook()``. A
reference to a project function gets a type of its own,
``function:<module>.<qualname>``, so the resolver carries functions the way it
carries clients: through a display's elements, ``name[key] = f``,
``name.append(f)``, a loop over the container, ``.get(key)``, a parameter its
callers pass a function to. Calling a value of such a type runs one of those
functions, and any of them may be the one that runs.
"""

from __future__ import annotations

import ast

from .classes import CallTarget
from .definitions import DefinedFunction
from .project import ProjectIndex
from .scope import Scope
from .type_strings import members

#: Prefix of the type of a reference to a project function.
FUNCTION = "function:"
class FunctionValues:
    """The types of project functions used as values, and what calling such a value runs."""

    def __init__(self, index: ProjectIndex) -> None:
        self.index = index
        self._by_type: dict[str, DefinedFunction] = {}

    def type_of_function(self, function: DefinedFunction) -> str | None:
        module = self.index.owner(function)
        if module is None:
            return None
        name = f"{FUNCTION}{module.name}.{function.qualname}"
        self._by_type[name] = function
        return name

    def type_of_node(self, node: ast.AST) -> str | None:
        function = self.index.defined(node)
        return self.type_of_function(function) if function is not None else None

    def bound_method(self, method: CallTarget | None) -> str | None:
        """``self.on_paid`` read as a value (``{"paid": self.on_paid}``, then
        ``self.handlers[kind](event)``): the project method the attribute names, called like a
        function. Only a plain method the receiver's own class chain defines: a property or
        another decorated method is not a function value, and a base-class receiver is not
        guessed into one of its subclasses."""
        function = method.function if method is not None and method.api is None else None
        if function is None or function.node.decorator_list:
            return None
        return self.type_of_function(function)

    def targets(self, type_name: str | None) -> CallTarget | None:
        """What calling a value of ``type_name`` runs: the functions among its members."""
        if type_name is None or FUNCTION not in type_name:
            return None
        found = [CallTarget(f.qualname, function=f, module=self.index.owner(f))
                 for f in (self._by_type.get(member) for member in members(type_name)) if f is not None]
        if len(found) <= 1:
            return found[0] if found else None
        return CallTarget(found[0].name, alternatives=tuple(found))


def holds_instance(called: ast.expr, scope: Scope) -> bool:
    """Whether a called name is bound only to objects, never to a class: a parameter (its
    annotation names the type of what is passed), or the result of a call (``with ... as``
    binds the call it enters). Calling such a name runs its type's ``__call__``; calling a name
    that may hold a class (``handler_cls = HANDLERS[kind]``, ``alias = Handler``) builds one."""
    found = scope.lookup(called.id) if isinstance(called, ast.Name) else None
    if found is None or not found[1]:
        return False
    return all(b.kind in {"parameter", "annotation", "default"} or b.kind == "value" and isinstance(b.node, ast.Call)
               for b in found[1])
