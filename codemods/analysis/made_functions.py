"""Functions a factory makes: ``lifespan = get_lifespan(version)`` is the ``lifespan`` it returns.

A project function that defines a function and returns it (``def get_lifespan():
@asynccontextmanager async def lifespan(app): ...; return lifespan``) hands out
that nested function on every call: registering the call's result with FastAPI
registers the nested function. Only what the factory itself returns counts
(not the returns of the functions it defines), and only names bound to one
function.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .children import child_nodes
from .definitions import DefinedFunction
from .scope import Scope

if TYPE_CHECKING:
    from .resolver import Resolver


def returned_functions(call: ast.Call, scope: Scope, resolver: Resolver) -> list[DefinedFunction]:
    """The project functions that calling a project factory returns."""
    callee = resolver.qualified(call.func, scope)
    symbol = resolver.project_symbol(callee) if callee else None
    if symbol is None or symbol.kind != "function" or symbol.function is None:
        return []
    factory = symbol.function
    found: list[DefinedFunction] = []
    for value in own_returns(factory.node.body):
        bound = factory.scope.lookup(value.id) if isinstance(value, ast.Name) else None
        if bound is None or len(bound[1]) != 1 or bound[1][0].kind != "function" or bound[1][0].node is None:
            continue
        made = resolver.index.defined(bound[1][0].node)
        if made is not None and made not in found:
            found.append(made)
    return found


def made_function(factory: DefinedFunction, resolver: Resolver) -> DefinedFunction | None:
    """The function ``factory`` defines and returns (``return wrapper``, ``return func``), if it
    returns one of its own: what a decorator wraps calls with, what ``Depends(factory(...))`` runs."""
    for value in own_returns(factory.node.body):
        bound = factory.scope.bindings.get(value.id) if isinstance(value, ast.Name) else None
        if bound and len(bound) == 1 and bound[0].kind == "function" and bound[0].node is not None:
            return resolver.index.defined(bound[0].node)
    return None


def own_returns(body: list[ast.stmt]) -> Iterator[ast.expr]:
    """The values the function itself returns: not those of the functions or classes it defines."""
    pending: list[ast.AST] = list(body)
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(node, ast.Return) and node.value is not None:
            yield node.value
        pending.extend(child_nodes(node))
