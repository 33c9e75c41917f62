"""Directory listings that the code looks into entry by entry.

Listing one directory is a few syscalls, like a ``stat``: filesystem metadata. A
loop over the listing that checks each entry (``p.is_file()``,
``os.path.getsize(...)``, ``os.path.isdir(os.path.join(d, name))``) makes one
more syscall per entry, so its cost grows with the directory, as a walk's does:
the listing is then counted as the scan it has become (see
:class:`codemods.catalogue.model.Listing`).

Read from the function's own text: the loops (``for`` and comprehensions) over a
listing call, directly, through ``sorted``/``list``/``enumerate``, or through a
name the function binds to it (``entries = os.listdir(d)``, or to a comprehension
over it: ``paths = [p for p in d.iterdir()]``), whose body calls a metadata check
by name; and the functions run once per entry that check it: sort keys (``paths.sort(key=lambda p:
p.stat().st_mtime)``, ``sorted(os.listdir(d), key=os.path.getmtime)``) and what ``filter``
and ``map`` apply (``filter(os.path.isdir, [join(d, n) for n in os.listdir(d)])``); and a
function defined there that checks what it is given (a tree walked by recursion).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .body_memo import once_per_body
from .bound_iterables import names_bound_once
from .children import walk_nodes

if TYPE_CHECKING:
    from ..catalogue import BlockingApi
    from .scope import Scope

#: Calls that hand their first argument's items on unchanged in number.
_PASS_THROUGH = frozenset({"sorted", "list", "tuple", "set", "enumerate", "reversed", "iter"})
#: The stat-family checks a loop body is searched for, by name (``p.is_file()``,
#: ``os.path.getsize(path)``): names that other common types do not use for something else.
CHECKS = frozenset({"exists", "lexists", "isfile", "isdir", "islink", "getsize", "getmtime", "getctime", "getatime",
                    "stat", "lstat", "is_file", "is_dir", "is_symlink", "realpath", "resolve", "samefile"})
#: Calls whose ``key=`` function runs once per item of their first argument (or receiver).
_KEYED = frozenset({"sorted", "sort", "max", "min"})
#: Builtins that apply their first argument to each item of their second.
_APPLIED = frozenset({"filter", "map"})


def as_called(api: BlockingApi, call: ast.Call, scope: Scope) -> BlockingApi | None:
    """The entry this call of ``api`` is (``None``: its arguments switch the blocking off); a
    listing the function looks into entry by entry is a scan."""
    entry = api.for_call(call)
    function = scope.function
    if entry is None or entry.listing is None or function is None:
        return entry
    looked_into = once_per_body("listings looked into", function, lambda: listings_looked_into(function))
    return entry.listing.scan if id(call) in looked_into else entry


def listings_looked_into(function: ast.AST) -> frozenset[int]:
    """``id``s of the calls ``function`` iterates over with a metadata check in the loop's body."""
    bound = _names_bound_to_listings(function)
    checking = _functions_that_check(function)
    found: set[int] = set()
    for iterable, body in _loops(function):
        call = _iterated_call(iterable, bound)
        if call is not None and any(_is_check(node) or _calls_one_of(node, checking)
                                    for part in body for node in walk_nodes(part)):
            found.add(id(call))
    return frozenset(found)


def _functions_that_check(function: ast.AST) -> frozenset[str]:
    """The functions defined in ``function`` (and itself) whose body makes a metadata check: an
    entry handed to one is checked there (``[describe(join(d, n)) for n in os.listdir(d)]``,
    ``describe`` testing ``os.path.isdir(path)``: a walk of the tree, written by hand)."""
    return frozenset(node.name for node in walk_nodes(function)
                     if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
                     and any(_is_check(inner) for inner in walk_nodes(node)))


def _calls_one_of(node: ast.AST, names: frozenset[str]) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names


def _is_check(node: ast.AST) -> bool:
    """``p.is_file()``, ``os.path.getsize(p)``: a metadata check called by name."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in CHECKS


def _names_bound_to_listings(function: ast.AST) -> dict[str, ast.expr]:
    """The names bound once: to a call, or to a comprehension with one generator and no filter
    (``paths = [p for p in d.iterdir()]``, the same entries: its iterable stands for it), as
    :func:`_iterated_call` follows them."""
    bound: dict[str, ast.expr] = {}
    for name, value in names_bound_once(walk_nodes(function)).items():
        if isinstance(value, ast.Call):
            bound[name] = value
        elif isinstance(value, (ast.ListComp, ast.SetComp, ast.GeneratorExp)) \
                and len(value.generators) == 1 and not value.generators[0].ifs:
            bound[name] = value.generators[0].iter
    return bound


def _loops(function: ast.AST) -> Iterator[tuple[ast.expr, list[ast.AST]]]:
    for node in walk_nodes(function):
        if isinstance(node, (ast.For, ast.AsyncFor)):
            yield node.iter, [*node.body, *node.orelse]
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            produced: list[ast.AST] = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
            for generator in node.generators:
                yield generator.iter, [*produced, *(test for g in node.generators for test in g.ifs)]
        elif isinstance(node, ast.Call) and (applied := _per_item_function(node)) is not None:
            function, items = applied
            # ``key=os.path.getmtime`` is the check itself; a lambda's body holds it.
            yield items, [function.body if isinstance(function, ast.Lambda)
                          else ast.Call(func=function, args=[], keywords=[])]


def _per_item_function(call: ast.Call) -> tuple[ast.expr, ast.expr] | None:
    """(function, items) of a call that runs a function once per item: the ``key=`` of
    ``sorted(items, key=...)``, ``items.sort(key=...)``, ``max``/``min``, and the function
    ``filter(f, items)`` and ``map(f, items)`` apply."""
    name = call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id \
        if isinstance(call.func, ast.Name) else None
    if name in _APPLIED and isinstance(call.func, ast.Name) and len(call.args) == 2:
        return call.args[0], call.args[1]
    if name not in _KEYED or isinstance(call.func, ast.Attribute) and name != "sort":
        return None
    key = next((k.value for k in call.keywords if k.arg == "key"), None)
    items = call.func.value if isinstance(call.func, ast.Attribute) else call.args[0] if call.args else None
    return (key, items) if key is not None and items is not None else None


def _iterated_call(iterable: ast.expr, bound: dict[str, ast.expr]) -> ast.Call | None:
    seen: set[str] = set()
    while True:
        if isinstance(iterable, ast.Name):
            value = bound.get(iterable.id)
            if value is None or iterable.id in seen:
                return None
            seen.add(iterable.id)
            iterable = value
        if isinstance(iterable, (ast.ListComp, ast.SetComp, ast.GeneratorExp)) and len(iterable.generators) == 1 \
                and not iterable.generators[0].ifs:
            iterable = iterable.generators[0].iter  # one item made from each entry, in a comprehension
            continue
        if not isinstance(iterable, ast.Call):
            return None
        if isinstance(iterable.func, ast.Name) and iterable.func.id in _PASS_THROUGH and iterable.args:
            iterable = iterable.args[0]
            continue
        return iterable
