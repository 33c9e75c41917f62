"""Who calls the project's async functions, across the whole project (tests included).

Turning ``async def f`` into ``def f`` breaks every caller that awaits it,
gathers it or schedules it (fastapi_semantics.md F7.6), wherever it lives.
When a function is planned for a conversion, the files whose text holds its
name (a whole word) are walked once each for all the calls they make, and its
calls are looked up there with *how* each one uses the coroutine. Two uses can be rewritten with the conversion: ``await f(...)`` in
an async function (becomes ``await run_in_threadpool(f, ...)``) and
``asyncio.run(f(...))`` (becomes ``f(...)``). Any other use (gathered,
scheduled, stored, patched by name in a test) keeps the function async.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..sourcefile import SourceError, decode
from .children import child_nodes, child_nodes_but_body, walk_nodes
from .definitions import DefinedFunction, callee_name
from .lazy_bodies import Mentions
from .modules import ModuleInfo, function_key
from .resolver import Resolver
from .slim_tree import unread_body
from .text_search import TextSearch

#: ``await f(...)`` inside an ``async def``: the await moves onto ``run_in_threadpool``.
AWAITED = "await"
#: ``asyncio.run(f(...))``: a sync caller; the call simply runs.
RUN = "run"
#: Handed to a streaming response, which iterates sync generators too.
STREAMED = "stream"
#: Named in a string (``patch("app.deps.f", AsyncMock())``): a test may swap in a coroutine.
PATCHED = "patched"
#: Anything else (gathered, scheduled, stored): the caller needs a coroutine.
OTHER = "other"
#: Uses a conversion to ``def`` can keep working (after rewriting the first two).
REWRITABLE = frozenset({AWAITED, RUN, STREAMED})
_STREAMING = ("StreamingResponse", "EventSourceResponse")
#: ``patch("m.f")``, ``mocker.patch(...)``, ``monkeypatch.setattr(m, "f", ...)``, ``patch.object(m, "f")``.
_PATCHERS = frozenset({"patch", "setattr", "object"})


@dataclass(frozen=True)
class CallSite:
    """A use of something named ``name`` at ``path``:``line``.

    ``qualified`` is the callee's dotted name when it resolves through imports
    alone (``app.deps.current_user``); ``None`` for a method call on a value
    (``self.store.get(...)``). Resolving types here would cost more than the
    whole rest of pass 1; the planner resolves only the few names it needs.
    ``how`` is one of the constants above.
    """

    name: str
    qualified: str | None
    path: str
    line: int
    how: str = OTHER


#: A use found by :class:`ModuleUses`: the call (or the string naming the function in a
#: patcher's call), its parent, grandparent and innermost function; or the node alone where
#: those cannot change how it is used (see :func:`_use`): most calls, and a project's
#: index of uses holds every call of every module that names a function planned for a fix.
Use = tuple[ast.AST, "ast.AST | None", "ast.AST | None", "ast.AST | None"] | ast.AST
#: The parents under which a call's use is more than ``OTHER``.
_TELLING_PARENTS = (ast.Await, ast.keyword, ast.Call)


class ModuleUses:
    """Every call in a module by the name it calls, and every patcher's string by the name it
    ends with: one walk of the tree (each node with its parent, grandparent and innermost
    function, so no parent map), however many names are then asked of it. The bodies of the
    functions nothing has read yet are walked only when a name their lines hold is asked (see
    :mod:`.lazy_bodies`), their uses added after the others; :func:`call_sites` puts them in
    line order (only a body on its ``def`` line, calling a name its signature calls too, could
    list the two in another order than one walk would)."""

    __slots__ = ("_found", "_unread")

    def __init__(self, module: ModuleInfo) -> None:
        self._found: dict[str, list[Use]] = {}
        #: Functions whose bodies were left out of the walk (``None`` once walked).
        self._unread: list[ast.AST | None] = []
        self._walk([(module.tree, None, None, None)])

    def get(self, name: str) -> list[Use]:
        """The uses of ``name``."""
        mentions = Mentions(name)
        for position, function in enumerate(self._unread):
            if function is not None and not mentions.unread_without(function):
                self._unread[position] = None
                self._walk([(statement, function, None, function) for statement in function.body])  # type: ignore[attr-defined]
        return self._found.get(name, [])

    def _walk(self, stack: list[tuple[ast.AST, ast.AST | None, ast.AST | None, ast.AST | None]]) -> None:
        found = self._found
        while stack:
            node, parent, grand, function = stack.pop()
            if isinstance(node, ast.Call):
                name = callee_name(node)
                telling = isinstance(parent, _TELLING_PARENTS)
                found.setdefault(name, []).append((node, parent, grand, function) if telling else node)
                if name in _PATCHERS:
                    for arg in node.args[:2]:
                        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                            found.setdefault(arg.value.rsplit(".", 1)[-1], []).append(arg)
            inner = node if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) else function
            if unread_body(node) is not None:
                self._unread.append(node)
                stack.extend((child, node, parent, inner) for child in child_nodes_but_body(node))
            else:
                stack.extend((child, node, parent, inner) for child in child_nodes(node))


def call_sites(name: str, uses: ModuleUses, module: ModuleInfo, resolver: Resolver) -> list[CallSite]:
    """The uses of ``name`` in ``module`` (``uses`` are its :class:`ModuleUses`), in line order.

    Names are qualified with the module's imports only: a local variable that
    shadows an import makes an extra caller, which only errs on the safe side
    (a conversion refused).
    """
    path = str(module.path)
    found = []
    for use in uses.get(name):
        node, parent, grand, function = use if isinstance(use, tuple) else (use, None, None, None)
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            qualified = node.value if "." in node.value else None
            found.append(CallSite(name, qualified, path, node.lineno, PATCHED))
        elif isinstance(node, ast.Call):
            how = _use(node, parent, grand, function, resolver, module)
            found.append(CallSite(name, resolver.qualified(node.func, module.scope), path, node.lineno, how))
    found.sort(key=lambda site: site.line)
    return found


def parents(tree: ast.AST) -> dict[int, ast.AST]:
    found: dict[int, ast.AST] = {}
    for node in walk_nodes(tree):
        for child in child_nodes(node):
            found[id(child)] = node
    return found


def use_of(call: ast.Call, parent_of: dict[int, ast.AST], resolver: Resolver, module: ModuleInfo) -> str:
    """How the coroutine that ``call`` makes is used (see the constants above)."""
    parent = parent_of.get(id(call))
    grand = parent_of.get(id(parent)) if parent is not None else None
    return _use(call, parent, grand, enclosing_function(call, parent_of), resolver, module)


def _use(call: ast.Call, parent: ast.AST | None, grand: ast.AST | None, function: ast.AST | None,
         resolver: Resolver, module: ModuleInfo) -> str:
    if isinstance(parent, ast.Await):
        return AWAITED if isinstance(function, ast.AsyncFunctionDef) else OTHER
    if isinstance(parent, ast.keyword):
        holder = grand
        if parent.arg == "content" and isinstance(holder, ast.Call) and callee_name(holder).endswith(_STREAMING):
            return STREAMED
        return OTHER
    if isinstance(parent, ast.Call) and call in parent.args:
        if callee_name(parent).endswith(_STREAMING) and parent.args[0] is call:
            return STREAMED
        if (len(parent.args) == 1 and not parent.keywords
                and resolver.qualified(parent.func, module.scope) == "asyncio.run"):
            return RUN
    return OTHER


def enclosing_function(node: ast.AST, parent_of: dict[int, ast.AST]) -> ast.AST | None:
    """The innermost function (or lambda) around ``node``, if any."""
    current = parent_of.get(id(node))
    while current is not None and not isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        current = parent_of.get(id(current))
    return current


@dataclass(frozen=True)
class Caller:
    """One use of a function, as a conversion to ``def`` sees it."""

    #: ``path:line`` for messages.
    where: str
    how: str
    #: The file holding the use (where a rewrite would go).
    path: str


def callers_of(
    defined: DefinedFunction,
    module: ModuleInfo,
    resolver: Resolver,
    sites: list[CallSite],
    display: Callable[[Path], str],
) -> tuple[Caller, ...]:
    """Every use of ``defined`` among the ``sites`` of its name, in the project.

    A method's uses are never rewritten (``await obj.get()`` may be another
    class's ``get``): any call by its name keeps it async, as before.
    """
    key = function_key(module.path, defined.qualname)
    here = f"{module.name}.{defined.qualname}"
    is_method = defined.owner_class is not None
    found: dict[tuple[str, str], Caller] = {}
    for site in sites:
        if not _may_be(site, key, here, is_method, resolver):
            continue
        how = OTHER if is_method and site.how != STREAMED else site.how
        where = f"{display(Path(site.path))}:{site.line}"
        found[(where, how)] = Caller(where, how, site.path)
    return tuple(found[k] for k in sorted(found))


def _may_be(site: CallSite, key: str, here: str, is_method: bool, resolver: Resolver) -> bool:
    """Could this use be of the function ``key``? Unknown means yes (refusing is the safe side)."""
    if site.qualified is None:
        return is_method or site.how == PATCHED
    if site.qualified == here:
        return True
    symbol = resolver.project_symbol(site.qualified)
    if symbol is None:
        return is_method or site.how == PATCHED
    function = symbol.function
    return function is not None and function_key(symbol.module.path, function.qualname) == key


class CallerSites:
    """The uses of a name across a project's files, looked up when a fix is planned for a
    function of that name: in the files whose text holds it (a whole word), each module walked
    once for all the calls it makes, however many names are asked of it."""

    def __init__(self, resolver: Resolver, parse: Callable[[Path, str, bytes], object]) -> None:
        self.resolver = resolver
        self._parse = parse
        #: id of a module -> (that module, its calls by name); name -> its uses in the project.
        self._uses: dict[int, tuple[ModuleInfo, ModuleUses]] = {}
        self._sites: dict[str, list[CallSite]] = {}
        self._members: TextSearch | None = None
        self._member_paths: tuple[Path, ...] = ()

    def use_members(self, paths: tuple[Path, ...]) -> None:
        """The project's files (tests and scripts included), where the uses are looked for."""
        if paths is self._member_paths:
            return
        if self._members is None or self._members.paths != list(paths):
            hierarchy = self.resolver.hierarchy
            self._members = TextSearch(list(paths), read=hierarchy.file_bytes, index=hierarchy.words)
            self._sites.clear()
        self._member_paths = paths

    def named(self, name: str, module: ModuleInfo) -> list[CallSite]:
        """The uses of ``name`` in ``module`` and in the project's files that name it."""
        sites = self._sites.get(name)
        if sites is None:
            sites = self._sites[name] = [site for info in self._modules_naming(name)
                                         for site in call_sites(name, self._uses_in(info), info, self.resolver)]
        here = call_sites(name, self._uses_in(module), module, self.resolver)
        return [*here, *(site for site in sites if site.path != str(module.path))]

    def _modules_naming(self, name: str) -> list[ModuleInfo]:
        if self._members is None:  # one source given as text (the API): what the index holds
            return self.resolver.hierarchy.modules_containing(name)
        found = []
        for number in self._members.holding(name.encode()):
            data = self._members.texts[number]
            try:
                info = self._parse(self._members.paths[number], decode(data).text, data)
            except SourceError:
                continue
            if isinstance(info, ModuleInfo):
                found.append(info)
        return found

    def _uses_in(self, module: ModuleInfo) -> ModuleUses:
        cached = self._uses.get(id(module))
        if cached is None or cached[0] is not module:
            cached = self._uses[id(module)] = (module, ModuleUses(module))
        return cached[1]
