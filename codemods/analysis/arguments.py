"""Unannotated parameters, typed by what the project's callers pass.

``def fetch_api_keys(session, org_id): session.query(...)`` says nothing about
``session``, but every call passes ``db.session``, a SQLAlchemy ``Session``:
the parameter holds the union of the types its callers' arguments have. The
callers are the calls of the function (for ``__init__``, of its class, and
the keywords of ``app.add_middleware(Cls, ...)``) anywhere in the project, and
the wrappers of its project decorators (``@with_session`` calls
``f(session, *args)``). Callers are found through a word search of the
project's files (see :class:`.hierarchy.Hierarchy`), so only files that name
the function are parsed. A parameter no caller types stays unknown. A
parameter the function calls (``handler_fn(request)``) runs what the callers
pass: ``grpc_call(server.ListEntities, request)`` runs ``ListEntities``. Which
one runs depends on the call, and that is not tracked: such a call blocks only
when every callable passed to it does, so a ``with_retry(describe, ...)`` does
not take the I/O of another caller's ``with_retry(count_keys, ...)``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, cast

from .classes import CallTarget
from .decorators import decorated_with, decorator_parameter, wrappers
from .definitions import DefinedFunction, callee_name, generic_origin
from .frames import iter_loop_nodes
from .lazy_bodies import Mentions
from .memo import Memo
from .scope import Binding, Scope, parameter_binding
from .type_strings import union

if TYPE_CHECKING:
    from .modules import ModuleInfo
    from .resolver import Resolver

#: Where a call is read: the module's scope, or the function it is in (its scope built on demand).
_Where = Scope | DefinedFunction
#: Calls with the frame each is in, flat: ``[where, call, where, call, ...]`` (see :func:`_pairs`).
#: A pair per call took 64 bytes, and the index holds every call of every module that names
#: a function whose parameters are typed from its callers (agno: 550 modules).
_Calls = list["_Where | ast.Call"]
_MAX_CALLERS = 24
_PASSING = frozenset({"add_middleware", "partial"})


def _pairs(calls: _Calls) -> Iterator[tuple[_Where, ast.Call]]:
    """Each call with the frame it is in, from the flat list that holds them."""
    items = iter(calls)
    return cast("Iterator[tuple[_Where, ast.Call]]", zip(items, items))


class ArgumentTypes:
    """Parameter types from call sites, memoised per (function, parameter)."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self._memo: Memo[tuple[int, str], str | None] = Memo(resolver.cuts)
        self._callables: Memo[tuple[int, str], CallTarget | None] = Memo(resolver.cuts)
        self._calls: dict[str, _Calls] = {}
        self._module_calls: dict[int, _ModuleCalls] = {}
        self._decorated: dict[int, list[tuple[ast.expr, Scope]]] = {}
        #: ids of the calls :meth:`_decorator_calls` makes for ``@decorator`` lines (kept alive there).
        self._decorations: set[int] = set()

    def parameter_type(self, node: ast.AST, name: str, index: int, depth: int) -> str | None:
        function = self.resolver.index.defined(node)
        if function is None:
            return None
        # A cycle through this parameter adds nothing.
        return self._memo.get((id(node), name), lambda: self._from_callers(function, name, index, depth), None, depth)

    def passed_implementations(self, declared: str, name: str, owner: Scope, depth: int) -> str:
        """A parameter annotated with an interface (``middleware: Middleware``): also the classes
        its callers pass (``pipeline.use(PersistMiddleware())``), as for one left unannotated."""
        parameter = parameter_binding(owner, name)
        if parameter is None or parameter.node is None:
            return declared
        index, target = parameter.target.split(":", 1)
        passed = self.parameter_type(parameter.node, target, int(index), depth + 1)
        if passed is None:
            return declared
        return union([declared, passed]) or declared

    def passed_callable(self, binding: Binding, coroutine: bool = False) -> CallTarget | None:
        """A parameter that the function calls (``handler_fn(request)``): the project functions
        and methods its callers pass (``grpc_call(server.ListEntities, request)``).

        With ``coroutine``, a parameter the function awaits (``await awaitable``): the
        ``async def`` functions whose coroutines its callers pass (``track(handle_chat(ws))``).
        """
        function = self.resolver.index.defined(binding.node) if binding.node is not None else None
        if function is None:
            return None
        key = (id(function.node), f"{binding.target}{' await' if coroutine else '()'}")
        # Recursion through the same parameter finds nothing more.
        return self._callables.get(key, lambda: self._passed(function, binding.target, coroutine), None)

    def applied_by_hand(self, decorator: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> CallTarget | None:
        """``f(*args)`` in the wrapper of ``decorator`` (``f`` its first parameter): the functions
        wrapped by explicit calls (``load = with_retry(load_orders)``). A function decorated with
        ``@`` is followed where it is called, with its wrapper around it; so when the decorator
        decorates any, the call is left unresolved: the wrapper, reached around one of them,
        would otherwise reach every function wrapped by hand."""
        function = self.resolver.index.defined(decorator)
        if function is None or self._decorated_functions(function):
            return None
        key = (id(function.node), f"0:{name} by hand")
        return self._callables.get(key, lambda: self._passed(function, f"0:{name}", False, decorated=False), None)

    def _passed(self, function: DefinedFunction, target: str, coroutine: bool,
                decorated: bool = True) -> CallTarget | None:
        index, name = target.split(":", 1)
        targets: list[CallTarget] = []
        for argument, scope in self.passed(function, name, int(index), decorated=decorated):
            found = self._coroutine_of(argument, scope) if coroutine else self.reference(argument, scope)
            if found is not None and all(t.function is not found.function for t in targets):
                targets.append(found)
        return targets[0] if len(targets) == 1 else (
            CallTarget(targets[0].name, alternatives=tuple(targets), every=True, strict=True) if targets else None)

    def _coroutine_of(self, expr: ast.expr, scope: Scope) -> CallTarget | None:
        if not isinstance(expr, ast.Call):
            return None
        target = self.resolver.call_target(expr, scope)
        return target if target is not None and target.function is not None and target.function.is_async else None

    def reference(self, expr: ast.expr, scope: Scope) -> CallTarget | None:
        """What a function passed as a value (``helper``, ``self.store.load``) runs when called."""
        if isinstance(expr, ast.Attribute):
            owner = self.resolver.type_of(expr.value, scope)
            if owner is not None:
                target = self.resolver.method(owner, expr.attr)
                return target if target is not None and target.function is not None else None
        name = self.resolver.qualified(expr, scope) if isinstance(expr, (ast.Name, ast.Attribute)) else None
        symbol = self.resolver.project_symbol(name) if name else None
        if symbol is not None and symbol.kind == "function" and symbol.function is not None:
            return CallTarget(symbol.qualname, function=symbol.function, module=symbol.module)
        return None

    def keyword_type(self, mapping: ast.expr, key: ast.expr | None, scope: Scope, depth: int) -> str | None:
        """``kwargs.get("session")`` or ``kwargs["session"]`` of a function's ``**kwargs``: what its
        callers pass by that keyword (``find(run_id, session=self.get_session())``)."""
        if not isinstance(mapping, ast.Name) or not isinstance(key, ast.Constant) or not isinstance(key.value, str):
            return None
        found = scope.lookup(mapping.id)
        if found is None or len(found[1]) != 1:
            return None
        node = found[0].function
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or node.args.kwarg is None \
                or node.args.kwarg.arg != mapping.id:
            return None
        return self.parameter_type(node, key.value, -1, depth)

    def _from_callers(self, function: DefinedFunction, name: str, index: int, depth: int) -> str | None:
        types: list[str] = []
        for argument, scope in self.passed(function, name, index, depth + 1):
            found = self.resolver.type_of(argument, scope, depth + 1)
            if found is not None:
                types.append(found)
        return union(types)

    def passed(self, function: DefinedFunction, name: str, index: int, depth: int = 0, *, outside: bool = False,
               decorated: bool = True) -> list[tuple[ast.expr, Scope]]:
        """The expressions callers pass for the parameter, each with the scope it is read in
        (``outside``: callers in the sibling projects of a workspace too).

        ``depth``: how deep in a type question this is asked. Finding a caller's target types
        its receiver, which may be another caller-typed parameter: the depth goes on, so a long
        chain of such parameters (FastAPI's own ``add_api_route`` plumbing) is cut at the
        resolver's bound instead of at Python's recursion limit. ``decorated``: the functions
        ``function`` decorates with ``@`` count as passed to it."""
        found: list[tuple[ast.expr, Scope]] = []
        is_init = function.owner_class is not None and function.node.name == "__init__"
        bound = function.owner_class is not None  # ``self`` is passed by the call itself
        for wrapper in wrappers(function, self.resolver):
            found += _wrapper_arguments(wrapper, index, self.resolver)
        if index == 0 and not bound and decorated:
            found += self._decorated_functions(function)
        word = function.owner_class.rsplit(".", 1)[-1] if is_init and function.owner_class else function.node.name
        calls = self._calls_naming(word)
        if outside:
            calls = [*calls, *(item for info in self.resolver.hierarchy.modules_outside_calling(word)
                               for item in self._calls_in(info, word))]
        for where, call in _pairs(calls):
            if len(found) >= _MAX_CALLERS:
                break
            if not decorated and id(call) in self._decorations:
                continue
            caller_scope = where.scope if isinstance(where, DefinedFunction) else where
            passed = _passed_class(call, word)
            if passed is not None:
                if not self._is_class_of(passed, caller_scope, function):
                    continue
                found += [(k.value, caller_scope) for k in call.keywords if k.arg == name]
                continue
            position = index - (1 if bound else 0)
            positional = 0 <= position < len(call.args) and not any(
                isinstance(a, ast.Starred) for a in call.args[:position + 1])
            keywords = [(k.value, caller_scope) for k in call.keywords if k.arg == name]
            if not positional and not keywords:
                continue  # passes nothing for it (``cache.get(key)`` for ``default``): no need to resolve
            target = self.resolver.call_target(call, caller_scope, depth)
            if target is None or target.function is None or target.function.node is not function.node:
                continue
            if positional:
                found.append((call.args[position], caller_scope))
            found += keywords
        return found

    def field_type(self, class_name: str, field: str, depth: int) -> str | None:
        """What the constructor calls of a class with a generated ``__init__`` (a dataclass, a
        pydantic model) pass for ``field`` by keyword: the type of a field whose annotation names
        none (``model_registry: RegistryT``, a type parameter)."""
        word = class_name.rsplit(".", 1)[-1]
        found: list[str] = []
        for where, call in _pairs(self._calls_naming(word)):
            values = [k.value for k in call.keywords if k.arg == field]
            scope = where.scope if isinstance(where, DefinedFunction) else where
            if values and len(found) < _MAX_CALLERS and self.resolver.qualified(generic_origin(call.func),
                                                                                 scope) == class_name:
                found += [t for t in (self.resolver.type_of(v, scope, depth + 1) for v in values) if t]
        return union(found)

    def _decorated_functions(self, function: DefinedFunction) -> list[tuple[ast.expr, Scope]]:
        """``@route("/a") async def a()``: the functions ``function`` decorates are passed to it,
        each as its name in the scope around it (see :func:`.decorators.decorated_with`)."""
        key = id(function.node)
        if key not in self._decorated:
            self._decorated[key] = []  # a question asked again while this one is answered: nothing yet
            self._decorated[key] = [(ast.copy_location(ast.Name(id=decorated.node.name, ctx=ast.Load()), decorated.node),
                                     decorated.enclosing) for decorated in decorated_with(function, self.resolver)]
        return self._decorated[key]

    def _is_class_of(self, expr: ast.expr, scope: Scope, function: DefinedFunction) -> bool:
        if isinstance(expr, ast.Name):
            found = scope.lookup(expr.id)
            if found is not None and len(found[1]) == 1 and isinstance(found[1][0].node, ast.ClassDef):
                # A class defined inside a function (``class LoggingMiddleware`` in a setup method).
                return any(statement is function.node for statement in found[1][0].node.body)
        name = self.resolver.qualified(expr, scope)
        symbol = self.resolver.project_symbol(name) if name else None
        if symbol is None or symbol.kind != "class":
            return False
        init = symbol.module.by_qualname.get(f"{symbol.qualname}.__init__")
        return init is not None and init.node is function.node

    def _calls_naming(self, word: str) -> _Calls:
        """The calls of ``word`` (or that hand the class ``word`` over) in the files that name it
        (walked once per name: every parameter of a function asks for the same calls)."""
        if word in self._calls:
            return self._calls[word]
        calls: _Calls = []
        self._calls[word] = calls
        if word.startswith("__") and word.endswith("__"):
            # ``__call__``, ``__enter__``...: called by the language (``obj()``, ``with``), hardly
            # ever by name, while ``__call__(`` is in the text of every class that defines one.
            return calls
        hierarchy = self.resolver.hierarchy
        modules = [*hierarchy.modules_calling(word), *hierarchy.modules_calling("add_middleware"),
                   *hierarchy.modules_containing(f"@{word}\n")]
        unique = {id(info): info for info in modules}
        for info in unique.values():
            calls += self._calls_in(info, word)
        return calls

    def _calls_in(self, info: ModuleInfo, word: str) -> _Calls:
        """The calls of ``word`` in one module (and those that hand the class ``word`` over), frame
        by frame in source order, then its ``@word`` lines. A frame is walked once, when first asked
        for a word its text holds, and its calls kept by the word they call; a function whose body
        nothing has read and whose lines do not hold ``word`` is passed over unparsed (see
        :mod:`.lazy_bodies`). Each call keeps the function it is in, whose scope is built only if
        the call is asked about: most of a module's functions never are."""
        calls = self._module_calls.get(id(info))
        if calls is None or calls.info is not info:
            calls = self._module_calls[id(info)] = _ModuleCalls(info, self._decorator_calls(info))
        found: _Calls = []
        mentions = Mentions(word)
        for position, where in enumerate(calls.frames):
            by_word = calls.walked[position]
            if by_word is None:
                if isinstance(where, DefinedFunction) and mentions.unread_without(where.node):
                    continue
                body = where.node.body if isinstance(where, DefinedFunction) else info.tree.body
                by_word = calls.walked[position] = _frame_calls(body, where)
            found += by_word.get(word, ())
        found += calls.decorations.get(word, ())
        return found

    def _decorator_calls(self, info: ModuleInfo) -> dict[str, _Calls]:
        """``@on_warmup def load(): ...`` hands ``load`` to ``on_warmup``: a call like any other,
        made up for each such line of the module (their ids are kept in ``_decorations``)."""
        by_word: dict[str, _Calls] = {}
        for function in info.functions:
            for decorator in function.node.decorator_list:
                if isinstance(decorator, (ast.Name, ast.Attribute)):
                    applied = ast.copy_location(ast.Call(decorator, [ast.copy_location(
                        ast.Name(function.node.name, ast.Load()), decorator)], []), decorator)
                    by_word.setdefault(callee_name(applied), []).extend((function.enclosing, applied))
                    self._decorations.add(id(applied))
        return by_word


class _ModuleCalls:
    """The calls of one module's frames (its top level, then each function), walked on demand."""

    __slots__ = ("decorations", "frames", "info", "walked")

    def __init__(self, info: ModuleInfo, decorations: dict[str, _Calls]) -> None:
        self.info = info
        self.frames: list[_Where] = [info.scope, *info.functions]
        #: Per frame, its calls by the word they call; ``None`` until walked.
        self.walked: list[Mapping[str, _Calls] | None] = [None] * len(self.frames)
        self.decorations = decorations


_NO_CALLS: Mapping[str, _Calls] = MappingProxyType({})


def _frame_calls(body: list[ast.stmt], where: _Where) -> Mapping[str, _Calls]:
    """A frame's calls by the word they call (and by the class a ``partial`` or
    ``add_middleware`` hands over)."""
    by_word: dict[str, _Calls] = {}
    for node in iter_loop_nodes(body):
        if not isinstance(node, ast.Call):
            continue
        word = callee_name(node)
        by_word.setdefault(word, []).extend((where, node))
        passed = _passed_word(node)
        if passed and passed != word:
            by_word.setdefault(passed, []).extend((where, node))
    return by_word or _NO_CALLS


def _passed_word(call: ast.Call) -> str:
    """``LoggingMiddleware`` of ``app.add_middleware(LoggingMiddleware, ...)`` or ``partial(f, ...)``."""
    if callee_name(call) in _PASSING and call.args:
        first = call.args[0]
        return first.attr if isinstance(first, ast.Attribute) else getattr(first, "id", "")
    return ""


def _passed_class(call: ast.Call, word: str) -> ast.expr | None:
    """``app.add_middleware(LoggingMiddleware, registry=...)``: the class handed over to be built."""
    passed = _passed_word(call)
    return call.args[0] if passed and passed == word else None


def _wrapper_arguments(wrapper: DefinedFunction, index: int, resolver: Resolver) -> list[tuple[ast.expr, Scope]]:
    """``f(session, *args, **kwargs)`` inside a decorator's wrapper: what it passes at ``index``."""
    parameter = decorator_parameter(wrapper, resolver)
    if parameter is None:
        return []
    found: list[tuple[ast.expr, Scope]] = []
    for node in iter_loop_nodes(wrapper.node.body):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == parameter:
            leading = []
            for argument in node.args:
                if isinstance(argument, ast.Starred):
                    break
                leading.append(argument)
            if 0 <= index < len(leading):  # -1: a keyword-only parameter, never passed by position
                found.append((leading[index], wrapper.scope))
    return found
