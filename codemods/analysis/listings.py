"""Directory listings that the code looks into entry by entry.

Listing one directory is a few syscalls, like a ``stat``: filesystem metadata. A
loop over the listing that checks each entry (``p.is_file()``,
``os.path.getsize(...)``, ``os.path.isdir(os.path.join(d, name))``) makes one
more syscall per entry, so its cost grows with the directory, as a walk's does:
the listing is then counted as the scan it has become (see
:class:`codemods.catalogue.model.Listing`).

Read from the function's own text: the loops (``for`` and comprehensions) over a
listing call, directly, through ``sorted``/``list``/``enumerate``, or through a
name the function binds to it (``entries = os.listdir(d)``), whose body calls a
metadata check by name.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from .bound_iterables import names_bound_to_calls

#: Calls that hand their first argument's items on unchanged in number.
_PASS_THROUGH = frozenset({"sorted", "list", "tuple", "set", "enumerate", "reversed", "iter"})
#: The stat-family checks a loop body is searched for, by name (``p.is_file()``,
#: ``os.path.getsize(path)``): names that other common types do not use for something else.
CHECKS = frozenset({"exists", "lexists", "isfile", "isdir", "islink", "getsize", "getmtime", "getctime", "getatime",
                    "stat", "lstat", "is_file", "is_dir", "is_symlink"})


def listings_looked_into(function: ast.AST) -> frozenset[int]:
    """``id``s of the calls ``function`` iterates over with a metadata check in the loop's body."""
    bound = names_bound_to_calls(ast.walk(function))
    found: set[int] = set()
    for iterable, body in _loops(function):
        call = _iterated_call(iterable, bound)
        if call is not None and any(isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                                    and node.func.attr in CHECKS for part in body for node in ast.walk(part)):
            found.add(id(call))
    return frozenset(found)


def _loops(function: ast.AST) -> Iterator[tuple[ast.expr, list[ast.AST]]]:
    for node in ast.walk(function):
        if isinstance(node, (ast.For, ast.AsyncFor)):
            yield node.iter, [*node.body, *node.orelse]
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            produced: list[ast.AST] = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
            for generator in node.generators:
                yield generator.iter, [*produced, *(test for g in node.generators for test in g.ifs)]


def _iterated_call(iterable: ast.expr, bound: dict[str, ast.Call]) -> ast.Call | None:
    while True:
        if isinstance(iterable, ast.Name):
            call = bound.get(iterable.id)
            if call is None:
                return None
            iterable = call
        if not isinstance(iterable, ast.Call):
            return None
        if isinstance(iterable.func, ast.Name) and iterable.func.id in _PASS_THROUGH and iterable.args:
            iterable = iterable.args[0]
            continue
        return iterable
