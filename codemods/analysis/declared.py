"""Types the source declares: annotations, aliases, dependency results, tuple returns.

Split from :mod:`.resolver`, which owns one :class:`DeclaredTypes` and asks it
what an annotation means (``Optional``/``| None``/``Annotated`` unwrapped,
module-level aliases such as ``SessionDep = Annotated[Session, Depends(...)]``
followed, containers of clients kept as ``container:<type>``), what a
``Depends(get_db)`` default provides, and which element of a project
function's tuple result a name unpacked (``args, store = build()``).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .cached_calls import memoised_without_arguments
from .children import child_nodes, walk_nodes
from .definitions import DefinedFunction, decorator_names
from .frames import passed_arguments
from .hierarchy import declares_abstract, is_protocol
from .made_functions import made_function
from .module_values import imported_module, module_type
from .scope import Scope, annotation_name
from .type_strings import container_of, element_of, union

if TYPE_CHECKING:
    from .resolver import Resolver

MAX_DEPTH = 16
#: Generic aliases whose first argument is the type itself. ``FromDishka[T]`` (dishka) and
#: ``Inject[T]`` (injector) are ``Annotated[T, <marker>]``: a dependency-injection container
#: provides a ``T``.
WRAPPERS = ("Optional", "Annotated", "Iterator", "Generator", "AsyncIterator", "AsyncGenerator", "Iterable",
            "Awaitable", "Coroutine", "ClassVar", "Final", "FromDishka", "Inject")
_MAPPINGS = ("dict", "Dict", "Mapping", "MutableMapping", "OrderedDict", "DefaultDict", "defaultdict")
_SEQUENCES = ("list", "List", "Sequence", "MutableSequence", "tuple", "Tuple", "set", "Set", "frozenset",
              "FrozenSet", "Collection", "deque", "Deque")
def parsed_annotation(annotation: ast.AST) -> ast.AST | None:
    """A string annotation (``"S3Client"``) as an expression."""
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            return ast.parse(annotation.value, mode="eval").body
        except SyntaxError:
            return None
    return annotation


def own_nodes(body: list[ast.stmt]) -> list[ast.AST]:
    """The nodes of a body's own frame (nested functions, classes and lambdas left out)."""
    found: list[ast.AST] = []
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        found.append(node)
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            stack.extend(child_nodes(node))
    return found


@dataclass(frozen=True)
class _OwnFrame:
    """What the type questions read of a function's own frame, from one walk of it: a large
    function is asked what it returns once per call of it, and walking it each time cost
    seconds on an application with long route modules."""

    returns: list[ast.expr | None]
    yields: list[ast.expr]
    is_generator: bool


def _own_frame(function: DefinedFunction) -> _OwnFrame:
    nodes = own_nodes(function.node.body)
    return _OwnFrame([n.value for n in nodes if isinstance(n, ast.Return)],
                     [n.value for n in nodes if isinstance(n, ast.Yield) and n.value is not None],
                     any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in nodes))


def _is_context_manager(function: DefinedFunction) -> bool:
    return bool(decorator_names(function.node) & {"contextmanager", "asynccontextmanager"})


def _bounded_union(declared: list[str]) -> str | None:
    """A declared union; past the bound on its size, its first member stands for the API they share."""
    return union(declared) or (declared[0].split("|")[0] if declared else None)


class DeclaredTypes:
    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self._frames: dict[int, _OwnFrame] = {}

    def _frame(self, function: DefinedFunction) -> _OwnFrame:
        frame = self._frames.get(id(function.node))
        if frame is None:
            frame = self._frames[id(function.node)] = _own_frame(function)
        return frame

    def returned_values(self, function: DefinedFunction) -> list[ast.expr | None]:
        """The values of the function's own ``return`` statements (``None`` for a bare one)."""
        return self._frame(function).returns

    def annotation_type(self, annotation: ast.AST, scope: Scope, depth: int = 0) -> str | None:
        if depth > MAX_DEPTH:
            self.resolver.cuts.depth_bound()
            return None
        parsed = parsed_annotation(annotation)
        if parsed is None:
            return None
        annotation = parsed
        if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
            # ``SqliteDb | AsyncDb``: either may be what is passed (``None`` and unknown members drop out).
            sides = [self.annotation_type(annotation.left, scope, depth + 1),
                     self.annotation_type(annotation.right, scope, depth + 1)]
            return _bounded_union([side for side in sides if side])
        if isinstance(annotation, ast.Subscript):
            outer = (self.resolver.qualified(annotation.value, scope) or "").rsplit(".", 1)[-1]
            inner = annotation.slice
            elements = inner.elts if isinstance(inner, ast.Tuple) else [inner]
            if outer == "Annotated" and len(elements) > 1:
                # ``Annotated[AgentService, Depends(get_agent_service)]``.
                declared = self.annotation_type(elements[0], scope, depth + 1)
                provider = next((e for e in elements[1:] if self.depends_on(e, scope) is not None), None)
                return self.provided_type(declared, provider, scope, depth) if provider is not None else declared
            if outer in WRAPPERS and elements:
                return self.annotation_type(elements[0], scope, depth + 1)
            if outer == "Union":
                found = (self.annotation_type(element, scope, depth + 1) for element in elements)
                return _bounded_union([member for member in found if member])
            if outer in _MAPPINGS and len(elements) == 2:
                return container_of(self.annotation_type(elements[1], scope, depth + 1))
            if outer in _SEQUENCES and elements:
                return container_of(self.annotation_type(elements[0], scope, depth + 1))
            if outer in {"type", "Type", "Callable", "Literal"}:
                return None
            # A generic class with its type arguments (``BaseDao[T, Req, Res]``): the class itself.
            return self.annotation_type(annotation.value, scope, depth + 1)
        if isinstance(annotation, ast.Name) and (module := imported_module(annotation.id, scope)):
            return module_type(module)  # ``-> Optional["stripe"]`` under ``if TYPE_CHECKING: import stripe``
        name = self.resolver.qualified(annotation, scope)
        if name is None:
            return self._alias_type(annotation, scope, depth)
        # A module-level value named in an annotation is an alias:
        # ``SessionDep = Annotated[Session, Depends(get_db)]``.
        return self.resolver.symbol_type(name, depth, annotation=True)

    def _alias_type(self, annotation: ast.AST, scope: Scope, depth: int) -> str | None:
        """A module-level alias in the same module: ``SessionDep = Annotated[Session, ...]``."""
        if not isinstance(annotation, ast.Name):
            return None
        found = scope.lookup(annotation.id)
        if found is None:
            return None
        owner, bindings = found
        if len(bindings) != 1 or bindings[0].kind != "value" or bindings[0].node is None:
            return None
        return self.annotation_type(bindings[0].node, owner, depth + 1)

    def depends_on(self, default: ast.expr, scope: Scope) -> ast.expr | None:
        """The provider of a ``Depends(get_db)`` (or ``Security(...)``) expression."""
        if not isinstance(default, ast.Call) or not default.args:
            return None
        if (self.resolver.qualified(default.func, scope) or "").rsplit(".", 1)[-1] not in {"Depends", "Security"}:
            return None
        return default.args[0]

    def dependency_type(self, default: ast.expr, scope: Scope, depth: int) -> str | None:
        """``Depends(get_db)`` as a default: what ``get_db`` yields, or returns (``return
        project.repo.db`` of an unannotated provider: the type of what it returns)."""
        target = self.depends_on(default, scope)
        function = self._provider(target, scope) if target is not None else None
        if function is None:
            return None
        if function.node.returns is not None:
            return self.function_returns(function, depth + 1)
        yielded = self._frame(function).yields
        if yielded:
            return self.resolver.type_of(yielded[0], function.scope, depth + 1)
        return self.returned_type(function, depth + 1)

    def provided_type(self, declared: str | None, default: ast.expr, scope: Scope, depth: int) -> str | None:
        """A parameter annotated and provided by ``Depends``: the annotation, unless it names an
        interface (``service: AgentService = Depends(get_agent_service)``, ``AgentService`` a
        Protocol or abstract class) and the provider says which classes it makes (``return
        MockAgentService()`` under a setting, ``OpenAIAgentService(...)`` otherwise): then
        those count too, as they would for the same parameter left unannotated."""
        if declared is not None and not self.names_interface(declared):
            return declared
        provided = self.dependency_type(default, scope, depth + 1)
        return union(t for t in (declared, provided) if t) if provided else declared

    def singleton_provided(self, default: ast.expr, scope: Scope) -> bool:
        """``settings: Settings = Depends(get_settings)`` where ``get_settings`` is memoised and
        takes nothing: every request gets the one object it made (FastAPI's own settings
        recipe), so what is read from it is the same on every call."""
        target = self.depends_on(default, scope)
        function = self._provider(target, scope) if isinstance(target, (ast.Name, ast.Attribute)) else None
        return function is not None and memoised_without_arguments(function)

    def _provider(self, target: ast.expr, scope: Scope) -> DefinedFunction | None:
        """The project function a ``Depends`` runs: the one named, or the nested function a
        factory call returns (``Depends(get_agent_service(validator))`` where
        ``get_agent_service`` defines ``func`` and returns it)."""
        if isinstance(target, ast.Call):
            factory = self._provider(target.func, scope)
            return made_function(factory, self.resolver) if factory is not None else None
        name = self.resolver.qualified(target, scope)
        symbol = self.resolver.project_symbol(name) if name else None
        if symbol is None or symbol.kind != "function":
            return None
        return symbol.function

    def function_returns(self, function: DefinedFunction, depth: int) -> str | None:
        """What calling a project function (or reading a property) gives: its return annotation,
        else what its ``return`` statements give. ``-> Any`` (or an annotation naming nothing
        known) says less than the body does. ``-> AuthStore`` where ``AuthStore`` is a Protocol
        (or an abstract class) and the body returns ``Database(path)``: nothing need subclass a
        Protocol, and an interface names no object, so the classes the body returns are the
        implementations that run, and both count."""
        returns = function.node.returns
        declared = self.resolver.annotation_type(returns, function.enclosing, depth + 1) if returns else None
        if declared is None:
            return self.returned_type(function, depth + 1)
        if self.names_interface(declared):
            returned = self.returned_type(function, depth + 1)
            return union([declared, returned]) if returned else declared
        return declared

    def passed_through(self, call: ast.Call, function: DefinedFunction, scope: Scope, depth: int) -> str | None:
        """What a call gives of an unannotated function that returns what it is given, as given or
        after a method of it (``def _apply_options(db): ... return db`` / ``return
        db.with_options(...)``): the type of this call's argument, not the union of every
        caller's, so a motor database passed in is a motor database out."""
        returns = self._frame(function).returns if function.node.returns is None else []
        if not returns:
            return None
        parameter, methods = None, []
        for value in returns:
            name, method = (value.func.value, value.func.attr) if isinstance(value, ast.Call) \
                and isinstance(value.func, ast.Attribute) else (value, None)
            if not isinstance(name, ast.Name) or parameter not in (None, name.id):
                return None
            parameter = name.id
            methods.append(method)
        bindings = function.scope.bindings.get(parameter or "", [])
        argument = passed_arguments(call, function).get(parameter or "")
        if argument is None or len(bindings) != 1 or bindings[0].kind not in {"parameter", "annotation", "default"}:
            return None
        held = self.resolver.type_of(argument, scope, depth + 1)
        if held is None or "|" in held:
            return None
        given = {held if method is None else self.resolver.returns_of(held, method) for method in methods}
        return given.pop() if len(given) == 1 and None not in given else None

    def stands_for_passed(self, annotation: ast.AST, scope: Scope, function: ast.AST, name: str) -> bool:
        """The annotation of parameter ``name`` of ``function`` says nothing its callers do not:
        :meth:`names_no_type`, or ``func: Callable`` in a decorator that returns ``func`` (a
        registering decorator: what it stores is each function it decorates). Other callables'
        types are left to their annotation: asking the callers of every callback costs."""
        if self.names_no_type(annotation, scope):
            return True
        if isinstance(annotation, ast.Constant) or annotation_name(annotation) != "Callable" \
                or not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return False
        return any(isinstance(n, ast.Return) and isinstance(n.value, ast.Name) and n.value.id == name
                   for n in walk_nodes(function))

    def names_no_type(self, annotation: ast.AST, scope: Scope) -> bool:
        """An annotation that stands for whatever is passed: ``Any``, an alias of the project's
        (``Handler = Callable[...]``, ``R = TypeVar("R")``) or a type parameter (``def f[T](x:
        T)``, lowered to a name bound nowhere). Not ``str`` or a library class: what those
        say stands, and asking every caller of every such parameter would cost for nothing."""
        node = annotation.value if isinstance(annotation, ast.Subscript) else annotation
        if not isinstance(node, (ast.Name, ast.Attribute)):
            return False
        name = self.resolver.qualified(node, scope)
        if name is None:
            return isinstance(node, ast.Name)
        if name in {"typing.Any", "typing_extensions.Any", "builtins.object"}:
            return True
        symbol = self.resolver.project_symbol(name)
        return symbol is not None and symbol.kind == "value"

    def names_interface(self, type_name: str) -> bool:
        """A Protocol or an abstract class: a type no object is made of, only its implementations."""
        symbol = self.resolver.project_symbol(type_name) if "|" not in type_name else None
        return symbol is not None and isinstance(symbol.node, ast.ClassDef) and (
            is_protocol(symbol.node) or declares_abstract(symbol.node))

    def returned_type(self, function: DefinedFunction, depth: int, awaited: bool = False) -> str | None:
        """What a project function without a return annotation gives: the union of the types
        its ``return`` statements give (``def load_config(): return Config(**settings)``);
        bare ``return``/``return None`` and returns of unknown type do not count (a cache
        read, ``return _POOL[key]``, gives what the other returns put there). Generators are
        left alone (their call gives an iterator), and so are async functions unless the call
        is ``awaited`` (``service = await self.get_service()``): a bare call gives a coroutine."""
        if depth > MAX_DEPTH:
            self.resolver.cuts.depth_bound()
            return None
        if _is_context_manager(function):
            return self.yielded_type(function, depth)
        if (function.is_async and not awaited) or self._frame(function).is_generator:
            return None
        types: set[str] = set()
        for returned in self._frame(function).returns:
            if returned is None or (isinstance(returned, ast.Constant) and returned.value is None):
                continue
            found = self.resolver.type_of(returned, function.scope, depth + 1)
            if found is not None:
                types.add(found)
        return union(types)

    def yielded_type(self, function: DefinedFunction, depth: int) -> str | None:
        """``with session_scope() as session``: what ``as`` binds is what the generator yields
        (when it yields in one place only)."""
        yielded = self._frame(function).yields
        return self.resolver.type_of(yielded[0], function.scope, depth + 1) if len(yielded) == 1 else None

    def unpacked_type(self, value: ast.AST, index: int, scope: Scope, depth: int) -> str | None:
        """Element ``index`` of what ``value`` gives: ``args, store = build()`` types ``store``
        from ``build``'s ``tuple[...]`` return annotation, or from its ``return a, b`` statements
        when they all agree."""
        if depth > MAX_DEPTH:
            self.resolver.cuts.depth_bound()
            return None
        if isinstance(value, ast.Await):
            value = value.value
        if not isinstance(value, ast.Call):
            return None
        target = self.resolver.call_target(value, scope, depth + 1)
        if target is None or target.function is None:
            # A library call whose result holds one type (``parent, child = Pipe()``): each element.
            made = self.resolver.type_of(value, scope, depth + 1)
            return element_of(made) if made is not None else None
        function = target.function
        returns = parsed_annotation(function.node.returns) if function.node.returns is not None else None
        if isinstance(returns, ast.Subscript):
            outer = (self.resolver.qualified(returns.value, function.enclosing) or "").rsplit(".", 1)[-1]
            elements = returns.slice.elts if isinstance(returns.slice, ast.Tuple) else [returns.slice]
            if outer in {"tuple", "Tuple"} and index < len(elements) and not any(
                    isinstance(e, ast.Constant) and e.value is Ellipsis for e in elements):
                return self.annotation_type(elements[index], function.enclosing, depth + 1)
        types: set[str | None] = set()
        for returned in self._frame(function).returns:
            if not isinstance(returned, ast.Tuple) or index >= len(returned.elts) or any(
                    isinstance(e, ast.Starred) for e in returned.elts):
                return None
            types.add(self.resolver.type_of(returned.elts[index], function.scope, depth + 1))
        return types.pop() if len(types) == 1 else None


def is_empty_or_display(node: ast.AST | None) -> bool:
    """``{}``, ``{"a": A()}``, ``[]``, ``dict()``, ``list()``: a container built right there."""
    if isinstance(node, (ast.Dict, ast.List)):
        return True
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"dict", "list"} \
        and not node.args and not node.keywords


def display_values(node: ast.expr) -> list[ast.expr]:
    """The values a dict or list display holds (not a ``**spread`` or ``*spread``)."""
    if isinstance(node, ast.Dict):
        return [v for k, v in zip(node.keys, node.values) if k is not None]
    if isinstance(node, ast.List):
        return [e for e in node.elts if not isinstance(e, ast.Starred)]
    return []
