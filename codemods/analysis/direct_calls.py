"""A blocking call found in a function's own frame, and the loops of that frame that block.

Iterating a file object reads it, a line at a time, on the thread that
iterates: ``for line in f`` (and a list, set or dict comprehension over
``f``) counts as a blocking call at the loop when ``f`` is a name of the
function every binding of which is a blocking call that opens a file
(``f = open(p)``, ``with path.open() as f``): conservative, a file passed in
or bound any other way is not counted. ``next(f)``, ``f.readline()`` are
calls already. Objects that fetch as they are iterated (a pymongo cursor)
count by their type wherever they are iterated: see :mod:`.iteration`.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..catalogue import BlockingApi
from .definitions import DefinedFunction
from .frames import iter_loop_nodes
from .iteration import is_file_type, iterated_names, lazy_iterations
from .resolver import Resolver
from .scope import Scope


@dataclass(frozen=True)
class DirectCall:
    """A call in the analysed function that blocks (itself, or through ``via``)."""

    node: ast.Call
    api: BlockingApi
    name: str
    via: tuple[str, ...] = ()
    #: The call resolves to a project function (the fix may belong there).
    helper: DefinedFunction | None = None
    awaited: bool = False
    #: The helper functions named in ``via``, outermost first.
    chain: tuple[DefinedFunction, ...] = ()
    #: The ``for`` statement or comprehension that reads a file object as it iterates it:
    #: ``node`` then only marks the iterated name's position (it is not in the tree).
    loop: ast.For | ast.ListComp | ast.SetComp | ast.DictComp | None = None
    #: A property read whose getter blocks (``store.permissions``): ``node`` only marks it.
    read: ast.Attribute | None = None

    @property
    def fix_site(self) -> DefinedFunction | None:
        """The innermost async helper on the way: where the blocking call runs on the loop.

        ``None`` when the blocking happens in this function or in sync helpers
        it calls directly: then the fix belongs in this function.
        """
        sites = [f for f in self.chain if f.is_async]
        return sites[-1] if sites else None


class FrameLoops:
    """The loops of a function's frame that block (mixed into :class:`.blocking.BlockingAnalysis`)."""

    resolver: Resolver

    if TYPE_CHECKING:
        def _marker(self, key: ast.AST, func: ast.expr, slot: str = "") -> ast.Call: ...

    def file_loops(self, function: DefinedFunction) -> list[DirectCall]:
        """Loops of the function's own frame that iterate a file it opened (see the module's docstring)."""
        found: list[DirectCall] = []
        for loop, name in iterated_names(function.node.body):
            type_name = self._opened_file(name.id, function.scope)
            if type_name is None:
                continue
            api = BlockingApi(f"{type_name}.__iter__", "file", why="iterating a file object reads it")
            found.append(DirectCall(self._marker(loop, name), api, api.qualname, loop=loop))
        return found

    def lazy_loops(self, function: DefinedFunction) -> list[DirectCall]:
        """Iterations of the function's own frame that fetch as they go (see :mod:`.iteration`)."""
        found: list[DirectCall] = []
        nodes = iter_loop_nodes(function.node.body, per_call=True)
        for where, iterated, api in lazy_iterations(nodes, function.scope, self.resolver):
            if isinstance(where, ast.Call):
                found.append(DirectCall(where, api, api.qualname))
                continue
            found.append(DirectCall(self._marker(where, iterated), api, api.qualname, loop=where))
        return found

    def _opened_file(self, name: str, scope: Scope) -> str | None:
        """The file type ``name`` holds when every binding of it in ``scope`` opens a file."""
        bindings = scope.bindings.get(name)
        if not bindings or name in scope.globals_:
            return None
        types: set[str | None] = set()
        for binding in bindings:
            if binding.kind != "value" or not isinstance(binding.node, ast.Call):
                return None
            target = self.resolver.call_target(binding.node, scope)
            if target is None or target.api is None or target.api.category != "file":
                return None
            types.add(self.resolver.type_of(binding.node, scope))
        found = types.pop() if len(types) == 1 else None
        return found if is_file_type(self.resolver.catalogue, found) else None
