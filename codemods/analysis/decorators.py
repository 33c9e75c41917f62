"""What a project decorator adds to every call of the function it decorates.

``@with_session def get_profile(session): ...`` is called as ``get_profile()``, but
what runs is the decorator's wrapper: it opens a session, calls the function and
commits. The wrapper's own calls block like the function's do, so a call to a
decorated function reaches what the wrapper reaches as well. A wrapper is found
the way ``functools.wraps`` decorators are written: the decorator (or, for a
decorator factory such as ``@retry(3)``, the decorator it returns) returns a
function it defines. A decorator that returns the function unchanged (a
registry) adds nothing.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from .definitions import DefinedFunction

if TYPE_CHECKING:
    from .resolver import Resolver

#: Library decorators whose wrappers add no I/O of their own (or are modelled elsewhere).
_KNOWN = frozenset({"staticmethod", "classmethod", "property", "cached_property", "wraps", "contextmanager",
                    "asynccontextmanager", "lru_cache", "cache", "abstractmethod", "overload", "dataclass"})


def _returned_inner(function: DefinedFunction, resolver: Resolver) -> DefinedFunction | None:
    """The nested function ``function`` returns (``return wrapper``), if it returns one."""
    for node in ast.walk(function.node):
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Name):
            found = function.scope.bindings.get(node.value.id)
            if found and len(found) == 1 and found[0].kind == "function" and found[0].node is not None:
                return resolver.index.defined(found[0].node)
    return None


def wrappers(function: DefinedFunction, resolver: Resolver) -> list[DefinedFunction]:
    """The wrapper functions the project's own decorators put around ``function``."""
    found: list[DefinedFunction] = []
    for decorator in function.node.decorator_list:
        factory = isinstance(decorator, ast.Call)
        name = resolver.qualified(decorator.func if isinstance(decorator, ast.Call) else decorator, function.enclosing)
        if name is None or name.rsplit(".", 1)[-1] in _KNOWN:
            continue
        symbol = resolver.project_symbol(name)
        if symbol is None or symbol.kind != "function" or symbol.function is None:
            continue
        inner = _returned_inner(symbol.function, resolver)
        if inner is not None and factory:
            inner = _returned_inner(inner, resolver)
        if inner is not None:
            found.append(inner)
    return found


def decorator_parameter(wrapper: DefinedFunction, resolver: Resolver) -> str | None:
    """The name under which a wrapper's decorator received the decorated function
    (``def with_session(f): def wrapper(*a): ... f(session, *a)`` -> ``f``)."""
    decorator = wrapper.parent
    if decorator is None:
        return None
    positional = [*decorator.node.args.posonlyargs, *decorator.node.args.args]
    return positional[0].arg if positional else None
