"""Calls whose result is what they are given, not what their callee is known to return.

- ``cast(Store, app.state.store)`` passes its value through: the value's type, else the
  type the cast declares.
- A dependency-injection container's ``get`` (``await container.get(ManagementService)``)
  gives an instance of the class it is passed; the catalogue marks such methods with the
  type :data:`PASSED_CLASS` and the argument's position.
- ``cls(engine)`` in a ``@classmethod`` constructs the class the method belongs to.
- A function typed ``(cls: type[T], ...) -> T`` gives an instance of the class it is called
  on (``Factory.get_instance(app)``), and one typed ``(self, kind: type[T]) -> T`` an
  instance of the class it is passed (``registry.get(Store)``): ``T`` is that class, not
  whatever the body's ``return`` statements could give.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from ..catalogue.frameworks import PASSED_CLASS
from ..catalogue.model import passed_argument
from .declared import parsed_annotation
from .definitions import decorator_names

if TYPE_CHECKING:
    from .definitions import DefinedFunction
    from .resolver import Resolver
    from .scope import Binding, Scope

__all__ = ["CASTS", "PASSED_CLASS", "cast_type", "class_of_classmethod", "passed_class", "type_variable_class"]

#: ``typing.cast`` and its backport.
CASTS = frozenset({"typing.cast", "typing_extensions.cast"})


def cast_type(resolver: Resolver, call: ast.Call, scope: Scope, depth: int) -> str | None:
    """``cast(T, value)``: what the value holds, else ``T``."""
    return resolver.type_of(call.args[1], scope, depth + 1) or resolver.annotation_type(call.args[0], scope, depth + 1)


def passed_class(resolver: Resolver, call: ast.Call, position: int, scope: Scope, depth: int) -> str | None:
    """The class passed at ``position`` (``container.get(ManagementService)``): what the call
    gives, read as an annotation naming it would be."""
    if len(call.args) <= position:
        return None
    return resolver.annotation_type(call.args[position], scope, depth + 1)


def class_of_classmethod(found: tuple[Scope, list[Binding]] | None, name: str) -> str | None:
    """The class ``name`` holds when it is the ``cls`` of a ``@classmethod`` (``None`` otherwise):
    calling it constructs that class (or the subclass the method was called on)."""
    if found is None or len(found[1]) != 1 or found[1][0].kind != "instance":
        return None
    function = found[0].function
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) \
            or "classmethod" not in decorator_names(function):
        return None
    positional = [*function.args.posonlyargs, *function.args.args]
    return found[1][0].target if positional and positional[0].arg == name else None


def type_variable_class(resolver: Resolver, call: ast.Call, function: DefinedFunction, scope: Scope,
                        depth: int) -> str | None:
    """The class that binds the type variable ``function`` returns, at this call (see above);
    ``None`` when its return annotation is not a type variable some ``type[T]`` parameter binds."""
    returns = parsed_annotation(function.node.returns) if function.node.returns is not None else None
    if not isinstance(returns, ast.Name):
        return None
    variable = returns.id
    parameters = [*function.node.args.posonlyargs, *function.node.args.args]
    bound = function.owner_class is not None and "staticmethod" not in decorator_names(function.node)
    for index, parameter in enumerate(parameters):
        if not _is_type_of(parameter.annotation, variable):
            continue
        if index == 0 and bound:  # ``cls: type[T]``: the class before the dot
            receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
            return resolver.annotation_type(receiver, scope, depth + 1) if receiver is not None else None
        passed = passed_argument(call, parameter.arg, index - 1 if bound else index)
        return resolver.annotation_type(passed, scope, depth + 1) if passed is not None else None
    return None


def _is_type_of(annotation: ast.expr | None, variable: str) -> bool:
    """``type[T]``, ``Type[T]``, ``typing.Type[T]`` (or the string ``"Type[T]"``)."""
    parsed = parsed_annotation(annotation) if annotation is not None else None
    if not isinstance(parsed, ast.Subscript):
        return False
    outer = parsed.value.attr if isinstance(parsed.value, ast.Attribute) else \
        parsed.value.id if isinstance(parsed.value, ast.Name) else None
    return outer in {"type", "Type"} and isinstance(parsed.slice, ast.Name) and parsed.slice.id == variable
