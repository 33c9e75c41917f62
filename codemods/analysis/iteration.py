"""Objects that do I/O while they are iterated, not when they are made.

``collection.find(query)`` only builds a pymongo cursor; the round trips to
the server happen as the cursor is iterated, a batch at a time. The catalogue
marks such a type with a ``Type.__iter__`` entry, and iterating an expression
of that type in a function's own frame counts as a blocking call there:

- a ``for`` statement or a list, set or dict comprehension whose (first)
  iterable it is: reported at the loop, which ``wrap-in-threadpool`` then
  moves whole, as it does a loop over a file;
- a builtin that runs it to the end where it is called (``list(cursor)``,
  ``sorted(...)``, ``next(...)``): reported at that call.

A generator expression runs nothing where it is written, except when a
consuming builtin runs it on the spot (``list(f(d) for d in cursor)``: reported
at the builtin's call); an ``async for`` is the async API. Types come from the
resolver, so an iterable of unknown type is never counted. (File objects are handled by the file-loop rule of
:mod:`.blocking`, which is stricter about where the file came from.)
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..catalogue import BlockingApi, Catalogue
from .frames import iter_loop_nodes

if TYPE_CHECKING:
    from .resolver import Resolver
    from .scope import Scope

Loop = ast.For | ast.ListComp | ast.SetComp | ast.DictComp
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp)
#: Builtins that iterate their argument to the end (``next``: one batch) right where they are called.
RUN_TO_THE_END = frozenset({"builtins.list", "builtins.tuple", "builtins.set", "builtins.frozenset", "builtins.dict",
                            "builtins.sorted", "builtins.sum", "builtins.min", "builtins.max", "builtins.any",
                            "builtins.all", "builtins.next"})


def lazy_iterations(nodes: Iterator[ast.AST], scope: Scope, resolver: Resolver
                    ) -> Iterator[tuple[Loop | ast.Call, ast.expr, BlockingApi]]:
    """(where, iterated, api) for each iteration of a lazily fetching object among ``nodes``.

    ``where`` is the loop or comprehension, or the consuming builtin call.
    """
    for node in nodes:
        iterated: ast.expr | None = None
        if isinstance(node, ast.For):
            iterated = node.iter
        elif isinstance(node, _COMPREHENSIONS) and not node.generators[0].is_async:
            iterated = node.generators[0].iter
        elif (isinstance(node, ast.Call) and len(node.args) >= 1 and not isinstance(node.args[0], ast.Starred)
              and resolver.qualified(node.func, scope) in RUN_TO_THE_END):
            iterated = node.args[0]
            if isinstance(iterated, ast.GeneratorExp) and not iterated.generators[0].is_async:
                # ``list(f(d) for d in cursor)``: the builtin runs the generator, which iterates the cursor.
                iterated = iterated.generators[0].iter
        if iterated is None:
            continue
        api = _iter_api(resolver, resolver.type_of(iterated, scope))
        if api is not None:
            yield node, iterated, api  # type: ignore[misc]


def _iter_api(resolver: Resolver, type_name: str | None) -> BlockingApi | None:
    if type_name is None:
        return None
    # Exact entries only: a ``Type.*`` wildcard covers a client's methods, not iterating it.
    return resolver.catalogue.apis.get(f"{type_name}.__iter__")


_LOOP_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp)


def is_file_type(catalogue: Catalogue, type_name: str | None) -> bool:
    """A file object's type: the catalogue lists its ``readline`` as blocking file I/O."""
    api = catalogue.api(f"{type_name}.readline") if type_name else None
    return api is not None and api.category == "file"


def iterated_names(body: list[ast.stmt]) -> Iterator[tuple[ast.For | ast.ListComp | ast.SetComp | ast.DictComp,
                                                            ast.Name]]:
    """(loop, name) for every ``for`` and list/set/dict comprehension of the frame that iterates a plain name.

    Only a comprehension's first iterable: it is the one read in the function's own scope.
    """
    for node in iter_loop_nodes(body, per_call=True):
        if isinstance(node, ast.For) and isinstance(node.iter, ast.Name):
            yield node, node.iter
        elif (isinstance(node, _LOOP_COMPREHENSIONS) and not node.generators[0].is_async
              and isinstance(node.generators[0].iter, ast.Name)):
            yield node, node.generators[0].iter
