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
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from .children import walk_nodes
from .declared import MAX_DEPTH
from .definitions import DefinedFunction, callee_name
from .made_functions import made_function, own_returns

if TYPE_CHECKING:
    from ..models import Kind
    from .resolver import Resolver
    from .scope import Scope

#: Library decorators whose wrappers add no I/O of their own (or are modelled elsewhere).
_KNOWN = frozenset({"staticmethod", "classmethod", "property", "cached_property", "wraps", "contextmanager",
                    "asynccontextmanager", "lru_cache", "cache", "abstractmethod", "overload", "dataclass"})


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
        inner = made_function(symbol.function, resolver)
        if inner is not None and factory:
            inner = made_function(inner, resolver)
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


def wrapped_by(name: str, scope: Scope) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    """The decorator whose wrapper ``scope`` is, when ``name`` is the function it wraps
    (``def traced(f): def wrapper(*a): return f(*a)`` gives ``traced`` for ``f``).

    Calling ``f`` there runs the function the wrapper was made for. For a function decorated
    with ``@``, that is the function itself, whose body is followed at each call of it; read
    as "any function the decorator is applied to", it would follow every one of them from
    every decorated call (a tracing decorator on a hundred methods)."""
    found = scope.lookup(name)
    if found is None or found[0] is scope or any(b.kind not in {"parameter", "annotation"} for b in found[1]):
        return None
    decorator, wrapper = found[0].function, scope.function
    if not isinstance(decorator, (ast.FunctionDef, ast.AsyncFunctionDef)) \
            or not isinstance(wrapper, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    positional = [*decorator.args.posonlyargs, *decorator.args.args]
    if not positional or positional[0].arg != name:
        return None
    returned = any(isinstance(value, ast.Name) and value.id == wrapper.name for value in own_returns(decorator.body))
    return decorator if returned else None


#: At most this many functions are taken for the ones a decorator is applied to.
_MAX_DECORATED = 64


def decorated_with(function: DefinedFunction, resolver: Resolver) -> list[DefinedFunction]:
    """The project's functions ``function`` is applied to as a decorator: by name
    (``@register``), as what a decorator factory returns (``@route("/a")``, where ``route``
    returns it), or as what a function returning that factory's call returns
    (``@endpoint.get("/b")``, whose ``get`` returns ``self._wrap("get", path)``). What the
    decorator does with its argument (``router.add_api_route(path, endpoint=func)``) it does
    with each of them. Methods are left out: their name is not a value of the scope around them."""
    appliers: list[tuple[DefinedFunction, bool]] = [(function, False)]
    factory = function.parent
    if factory is not None and made_function(factory, resolver) is function:
        appliers.append((factory, True))
        appliers += [(outer, True) for outer in _returning_a_call_of(factory, resolver)]
    found: list[DefinedFunction] = []
    for applier, called in appliers:
        name = applier.node.name
        for info in resolver.hierarchy.modules_calling(name) if called else resolver.hierarchy.modules_containing(name):
            for decorated in info.functions:
                if decorated.owner_class is None and len(found) < _MAX_DECORATED and any(
                        _applies(decorator, applier, called, decorated, resolver)
                        for decorator in decorated.node.decorator_list):
                    found.append(decorated)
    return found


def _applies(decorator: ast.expr, applier: DefinedFunction, called: bool, decorated: DefinedFunction,
             resolver: Resolver) -> bool:
    """``decorator`` is ``applier`` (``called``: a call of it)."""
    name = applier.node.name
    if called:
        if not (isinstance(decorator, ast.Call) and callee_name(decorator) == name):
            return False
        target = resolver.call_target(decorator, decorated.enclosing)
        return target is not None and target.function is not None and target.function.node is applier.node
    if not (isinstance(decorator, ast.Name) and decorator.id == name
            or isinstance(decorator, ast.Attribute) and decorator.attr == name):
        return False
    qualified = resolver.qualified(decorator, decorated.enclosing)
    symbol = resolver.project_symbol(qualified) if qualified else None
    return symbol is not None and symbol.function is not None and symbol.function.node is applier.node


def _returning_a_call_of(factory: DefinedFunction, resolver: Resolver) -> list[DefinedFunction]:
    """Functions whose ``return`` hands on a call of ``factory`` (``return self._wrap(...)``)."""
    found: list[DefinedFunction] = []
    for info in resolver.hierarchy.modules_calling(factory.node.name):
        for outer in info.functions:
            if outer is factory or outer.node is factory.node:
                continue
            for node in walk_nodes(outer.node):
                if isinstance(node, ast.Return) and isinstance(node.value, ast.Call) \
                        and callee_name(node.value) == factory.node.name:
                    target = resolver.call_target(node.value, outer.scope)
                    if target is not None and target.function is not None and target.function.node is factory.node:
                        found.append(outer)
                        break
    return found


def returned_route_kind(decorator: ast.Call, scope: Scope, resolver: Resolver, kinds: Mapping[str, Kind],
                        is_app: Callable[[ast.expr, Scope], bool]) -> Kind | None:
    """``@primary_operation(app, "/infer", "infer")``, where the project's ``primary_operation``
    returns ``app.post(path, ...)``: the decorator it hands back is the app's own (a method
    ``kinds`` names, on an object ``is_app`` accepts), and registers what it decorates."""
    if not isinstance(decorator.func, ast.Name):
        return None
    target = resolver.call_target(decorator, scope)
    factory = target.function if target is not None and target.api is None else None
    if factory is None or factory.is_async:
        return None
    for returned in own_returns(factory.node.body):
        if isinstance(returned, ast.Call) and isinstance(returned.func, ast.Attribute) \
                and (kind := kinds.get(returned.func.attr)) is not None and is_app(returned.func.value, factory.scope):
            return kind
    return None


def decorated_type(resolver: Resolver, node: ast.FunctionDef | ast.AsyncFunctionDef, scope: Scope,
                   depth: int) -> str | None:
    """What the outermost decorator turns a function into, when the catalogue types it.

    ``@app.task`` and ``@shared_task(bind=True)`` make a Celery task (``Returns`` on
    ``celery.Celery.task`` and ``celery.shared_task``), so ``send_email.delay(...)`` is known.
    """
    if depth > MAX_DEPTH:
        resolver.cuts.depth_bound()
        return None
    if not node.decorator_list:
        return None
    decorator = node.decorator_list[0]
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    name = resolver.qualified(target, scope)
    if name is not None and name in resolver.catalogue.returns:
        return resolver.catalogue.returns[name]
    if isinstance(target, ast.Attribute):
        owner = resolver.type_of(target.value, scope, depth + 1)
        return resolver.returns_of(owner, target.attr) if owner is not None else None
    return None
