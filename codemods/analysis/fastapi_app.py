"""The one place that knows which callables FastAPI (and Starlette) runs, and how.

FastAPI awaits ``async def`` callables on the event loop and runs ``def`` ones
in its threadpool (shared/research/fastapi_semantics.md F1-F6). This module
reads one module and reports every function it hands to FastAPI, wherever
that function is defined (``Depends(get_user)`` may name a function of
another module): route, websocket, middleware, exception-handler and
lifespan decorators on ``FastAPI()``/``APIRouter()``/``Starlette()``
instances (also imported ones, ``app.router``, and apps made where the analysis
cannot see: :mod:`.unseen_apps`), also applied by hand (``app.get("/r/{slug}")(serve)``);
``add_api_route`` and the other registration calls; ``APIRoute``/``Route`` objects
(and a project's subclasses of them); the handler a custom ``route_class`` wraps routes in;
``Depends`` and ``Security`` anywhere (defaults, ``Annotated``, aliases, ``dependencies=[...]``);
``add_task``/``BackgroundTask``; ``lifespan=``/``on_startup=``/
``exception_handlers=`` arguments (also to a project subclass of ``FastAPI``) and
``app.router.lifespan_context = ...``; ``BaseHTTPMiddleware`` subclasses,
mounted ASGI apps (``app.mount``, ``StaticFiles`` subclasses) and
class-based endpoints; and the coroutines those functions schedule on the
loop (``create_task``, sse-starlette's ``data_sender_callable``) and the jobs an ``AsyncIOScheduler`` runs there
(:mod:`.schedulers`), which stall it just the same. For a decorated route
it records which decorator registered it: decorators *below* it wrap the
function first (F6.4).
"""

from __future__ import annotations

import ast
import re

from ..models import Kind
from .app_objects import APP_CLASSES, AppObjects
from .children import walk_nodes
from .classes import is_super
from .decorators import returned_route_kind
from .definitions import DefinedFunction, callee_name, calls_in
from .frames import frame_calls, iter_loop_nodes
from .lazy_bodies import unread_without
from .loop_tasks import loop_tasks, spawned_task
from .made_functions import returned_functions
from .modules import ModuleInfo, function_key
from .registry import Registration
from .resolver import Resolver
from .schedulers import may_schedule, scheduled_jobs
from .scope import Scope, parameter_binding, parameter_defaults
from .type_strings import members
from .unseen_apps import unseen_app_route

_DECORATOR_KINDS = {
    **dict.fromkeys(("get", "post", "put", "patch", "delete", "options", "head", "trace", "api_route", "route"),
                    Kind.ROUTE),
    "websocket": Kind.WEBSOCKET, "websocket_route": Kind.WEBSOCKET,
    "middleware": Kind.MIDDLEWARE, "exception_handler": Kind.EXCEPTION_HANDLER, "on_event": Kind.LIFESPAN,
}
# method -> (kind, positional index of the callable, keyword name)
_REGISTRAR_CALLS = {
    "add_api_route": (Kind.ROUTE, 1, "endpoint"), "add_route": (Kind.ROUTE, 1, "endpoint"),
    "add_api_websocket_route": (Kind.WEBSOCKET, 1, "endpoint"), "add_websocket_route": (Kind.WEBSOCKET, 1, "route"),
    "add_exception_handler": (Kind.EXCEPTION_HANDLER, 1, "handler"), "add_event_handler": (Kind.LIFESPAN, 1, "func"),
}
_ROUTE_CLASSES = {
    "fastapi.routing.APIRoute": Kind.ROUTE, "starlette.routing.Route": Kind.ROUTE,
    "fastapi.routing.APIWebSocketRoute": Kind.WEBSOCKET, "starlette.routing.WebSocketRoute": Kind.WEBSOCKET,
}
_DEPENDS = frozenset(
    {"fastapi.Depends", "fastapi.Security", "fastapi.params.Depends", "fastapi.params.Security",
     "fastapi.param_functions.Depends", "fastapi.param_functions.Security"}
)
_BACKGROUND_TASK = frozenset({"starlette.background.BackgroundTask", "fastapi.background.BackgroundTask"})
#: The handler parameter whose ``add_task(f)`` runs ``f`` after the response (one task above: an object).
_BACKGROUND_TASKS = frozenset({"starlette.background.BackgroundTasks", "fastapi.background.BackgroundTasks",
                               "fastapi.BackgroundTasks"})
#: The framework's own packages: a registration inside them is its plumbing (``def Depends(dependency):
#: return params.Depends(dependency)``), whose callers the collector reads where they call the API.
_FRAMEWORK_PACKAGES = frozenset({"fastapi", "starlette"})
_APP_HANDLER_KEYWORDS = frozenset({"lifespan", "on_startup", "on_shutdown", "exception_handlers", "route_class"})
_ASSIGNED_HANDLERS = frozenset({"lifespan_context", "route_class"})
#: Response classes that iterate their content: an async generator there runs on the loop (F5.5).
STREAMING_RESPONSES = frozenset(
    {"starlette.responses.StreamingResponse", "fastapi.responses.StreamingResponse", "fastapi.StreamingResponse",
     "sse_starlette.EventSourceResponse", "sse_starlette.sse.EventSourceResponse"}
)
_MIDDLEWARE_BASES = frozenset({"starlette.middleware.base.BaseHTTPMiddleware"})
#: Static-file apps are mounted, and Starlette awaits these methods of theirs. The base class
#: sends its own file work to threads (F5.6); an override's body runs on the loop.
_STATIC_FILES_BASES = frozenset({"starlette.staticfiles.StaticFiles", "fastapi.staticfiles.StaticFiles"})
_STATIC_FILES_HOOKS = frozenset({"__call__", "get_response", "check_config"})
_ENDPOINT_BASES = {"starlette.endpoints.HTTPEndpoint": Kind.ROUTE, "starlette.endpoints.WebSocketEndpoint": Kind.WEBSOCKET}
class _Collector:
    def __init__(self, module: ModuleInfo, resolver: Resolver) -> None:
        self.module = module
        self.resolver = resolver
        self.apps = AppObjects(resolver)
        self.by_node = {id(f.node): f for f in module.functions}
        self.found: list[Registration] = []
        #: Whether a registered parameter is followed to what the callers pass (see :meth:`add`).
        self.follows_parameters = module.name.split(".", 1)[0] not in _FRAMEWORK_PACKAGES

    # -- targets -------------------------------------------------------------
    def add(self, expr: ast.expr | None, scope: Scope, kind: Kind, passed: int = 0) -> None:
        if expr is None:
            return
        # ``[a, b]``, ``{"x": a}``; ``lifespan=override or lifespan``: either may be the one FastAPI runs.
        options = expr.elts if isinstance(expr, (ast.List, ast.Tuple, ast.Set)) else \
            expr.values if isinstance(expr, (ast.Dict, ast.BoolOp)) else \
            [expr.body, expr.orelse] if isinstance(expr, ast.IfExp) else None
        if options is not None:
            for option in options:
                self.add(option, scope, kind, passed)
            return
        binding = parameter_binding(scope, expr.id) if isinstance(expr, ast.Name) and passed < 2 else None
        function = self.resolver.index.defined(binding.node) if binding is not None and binding.node else None
        if binding is not None and function is not None:
            # ``FastAPI(lifespan=lifespan)`` in a factory ``create_app(lifespan)``: what its callers pass.
            index, name = binding.target.split(":", 1)
            for argument, where in self.resolver.arguments.passed(function, name, int(index), outside=True) \
                    if self.follows_parameters else ():
                self.add(argument, where, kind, passed + 1)
            default = parameter_defaults(function.node.args).get(name)
            if isinstance(default, (ast.Name, ast.Attribute)):  # ``def create_app(lifespan=lifespan)``
                self.add(default, function.enclosing, kind, passed + 1)
            return
        key = self.target_key(expr, scope)
        if key is not None:
            self.found.append(Registration(key, kind))

    def target_key(self, expr: ast.expr, scope: Scope, depth: int = 0) -> str | None:
        if isinstance(expr, ast.Call) and self.resolver.qualified(expr.func, scope) == "functools.partial" and expr.args:
            return self.target_key(expr.args[0], scope, depth)
        if isinstance(expr, ast.Call):
            # ``lifespan=get_lifespan(version)``: the function the factory returns (see :mod:`.made_functions`).
            for made in returned_functions(expr, scope, self.resolver):
                module = self.resolver.index.owner(made)
                if module is not None:
                    return function_key(module.path, made.qualname)
        if isinstance(expr, ast.Name):
            found = scope.lookup(expr.id)
            if found is not None:
                owner, bindings = found
                if len(bindings) == 1 and bindings[0].kind == "function" and owner.parent is not None:
                    local = self.by_node.get(id(bindings[0].node))  # defined inside a factory function
                    return function_key(self.module.path, local.qualname) if local else None
                if len(bindings) == 1 and bindings[0].kind == "value" and isinstance(bindings[0].node, ast.Call) \
                        and depth < 2:
                    return self.target_key(bindings[0].node, owner, depth + 1)  # ``lifespan = get_lifespan()``
        if isinstance(expr, (ast.Name, ast.Attribute)):
            name = self.resolver.qualified(expr, scope)
            symbol = self.resolver.project_symbol(name) if name else None
            if symbol is not None and symbol.kind == "function" and symbol.function is not None:
                return function_key(symbol.module.path, symbol.function.qualname)
            if symbol is not None and symbol.kind == "class":
                return None  # a class dependency: __init__ runs in the threadpool (F2.4)
        if isinstance(expr, ast.Attribute):
            # A bound method: ``add_api_route("/x", controller.latest)`` (F6.6).
            receiver = self.resolver.type_of(expr.value, scope)
            method = self.resolver.method(receiver, expr.attr) if receiver else None
            if method is not None and method.function is not None and method.module is not None:
                return function_key(method.module.path, method.function.qualname)
        # An instance whose ``__call__`` FastAPI calls: ``Depends(Checker(...))``.
        owner_type = self.resolver.type_of(expr, scope)
        if owner_type is not None and not (isinstance(expr, (ast.Name, ast.Attribute)) and self.resolver.names_class(expr, scope)):
            target = self.resolver.method(owner_type, "__call__")
            if target is not None and target.function is not None and target.module is not None:
                return function_key(target.module.path, target.function.qualname)
        return None

    # -- walking -------------------------------------------------------------
    def run(self) -> list[Registration]:
        for function in self.module.functions:
            self.decorators(function)
        for call in frame_calls(self.module.tree.body):
            if _may_register(call):
                self.call(call, self.module.scope)
        for function in self.module.functions:
            if unread_without(function.node, _REGISTERING_TEXT):
                continue  # no call in its lines can register anything: left unparsed
            for call in frame_calls(function.node.body):
                # Only a call that could register something needs the function's scope,
                # which is built on first use: most bodies never need it.
                if _may_register(call):
                    self.call(call, function.scope)
        for function in self.module.functions:
            # ``x = Depends(f)`` defaults and ``Annotated[T, Depends(f)]`` annotations.
            args = function.node.args
            parts = [*args.defaults, *args.kw_defaults]
            parts += [a.annotation for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]
            for part in parts:
                if part is not None:
                    for call in calls_in(part):
                        self.call(call, function.enclosing)
        self.classes()
        self.found += loop_tasks(self.module, self.resolver, self.target_key)
        if b"lifespan_context" in self.module.source or b"route_class" in self.module.source:
            self._assigned_handlers()
        for expr, scope in scheduled_jobs(self.module, self.resolver) if may_schedule(self.module) else ():
            self.add(expr, scope, Kind.BACKGROUND)
        return self.found

    def _assigned_handlers(self) -> None:
        """``app.router.lifespan_context = wrapper``: a lifespan set by assignment, often one that
        wraps the app's own (``async with main_lifespan(app): yield``); ``app.router.route_class =
        TimedRoute``: a custom route class for the routes added after it."""
        frames = [(self.module.tree.body, self.module.scope)]
        frames += [(f.node.body, f.scope) for f in self.module.functions
                   if any(isinstance(n, ast.Attribute) and n.attr in _ASSIGNED_HANDLERS for n in walk_nodes(f.node))]
        for body, scope in frames:
            for node in iter_loop_nodes(body):
                if not isinstance(node, ast.Assign):
                    continue
                for target in node.targets:
                    if not (isinstance(target, ast.Attribute) and target.attr in _ASSIGNED_HANDLERS
                            and self.apps.is_app(target.value, scope)):
                        continue
                    if target.attr == "route_class":
                        self.route_handlers(node.value, scope)
                    else:
                        self.add(node.value, scope, Kind.LIFESPAN)

    def decorators(self, function: DefinedFunction) -> None:
        for index, decorator in enumerate(function.node.decorator_list):
            if not isinstance(decorator, ast.Call):
                continue
            if not isinstance(decorator.func, ast.Attribute):  # ``@primary_operation(app, "/infer")``
                kind = returned_route_kind(decorator, function.enclosing, self.resolver, _DECORATOR_KINDS, self.apps.is_app)
            elif (kind := _DECORATOR_KINDS.get(decorator.func.attr)) is not None and not (
                    self.apps.is_app(decorator.func.value, function.enclosing)
                    or unseen_app_route(decorator, kind, self.module, self.resolver, function.enclosing)):
                kind = None
            if kind is None:
                continue
            key = function_key(self.module.path, function.qualname)
            self.found.append(Registration(key, kind, index if kind is Kind.ROUTE else None))
            for call in calls_in(decorator):
                self.call(call, function.enclosing)

    def call(self, call: ast.Call, scope: Scope) -> None:
        callee = self.resolver.qualified(call.func, scope)
        keywords = keyword_arguments(call, scope)
        if callee in _DEPENDS:
            self.add(call.args[0] if call.args else keywords.get("dependency"), scope, Kind.DEPENDENCY)
        elif (route_kind := self._route_class_kind(callee)) is not None:
            self.add(call.args[1] if len(call.args) > 1 else keywords.get("endpoint"), scope, route_kind)
        elif callee in _BACKGROUND_TASK:
            self.add(call.args[0] if call.args else keywords.get("func"), scope, Kind.BACKGROUND)
        elif callee in STREAMING_RESPONSES:
            content = call.args[0] if call.args else keywords.get("content")
            if isinstance(content, ast.Call):
                self.add(content.func, scope, Kind.ROUTE)  # the response body of a route
            sender = keywords.get("data_sender_callable")  # sse-starlette awaits it beside the body
            spawner = self.by_node.get(id(scope.function)) if sender is not None else None
            if sender is not None and spawner is not None:
                task = spawned_task(sender, scope, function_key(self.module.path, spawner.qualname), self.target_key)
                self.found += [task] if task is not None else []
        elif callee in APP_CLASSES or callee is not None and _APP_HANDLER_KEYWORDS & keywords.keys() \
                and self.apps.is_app_class(callee) \
                or self._builds_app_base(call, scope):  # ``class GuardrailsApp(FastAPI)``, then ``GuardrailsApp(lifespan=...)``
            self.route_handlers(keywords.get("route_class"), scope)
            self.add(keywords.get("lifespan"), scope, Kind.LIFESPAN)
            self.add(keywords.get("on_startup"), scope, Kind.LIFESPAN)
            self.add(keywords.get("on_shutdown"), scope, Kind.LIFESPAN)
            self.add(keywords.get("exception_handlers"), scope, Kind.EXCEPTION_HANDLER)
        elif isinstance(call.func, ast.Call) and isinstance(call.func.func, ast.Attribute):
            # A decorator applied by hand: ``app.get("/r/{slug}")(serve_recipe)``.
            kind = _DECORATOR_KINDS.get(call.func.func.attr)
            if kind is not None and call.args and self.apps.is_app(call.func.func.value, scope):
                self.add(call.args[0], scope, kind)
        elif isinstance(call.func, ast.Attribute):
            method = call.func.attr
            if method == "add_task" and self._may_be_background_tasks(call.func.value, scope):
                self.add(call.args[0] if call.args else keywords.get("func"), scope, Kind.BACKGROUND)
            elif method in _REGISTRAR_CALLS and self.apps.is_app(call.func.value, scope):
                kind, position, keyword = _REGISTRAR_CALLS[method]
                self.add(call.args[position] if len(call.args) > position else keywords.get(keyword), scope, kind)
            elif method == "mount" and self.apps.is_app(call.func.value, scope):
                mounted = call.args[1] if len(call.args) > 1 else keywords.get("app")
                if isinstance(mounted, ast.Call):
                    self.asgi_class(mounted.func, scope, ("__call__",), Kind.MOUNT)
            elif method == "add_middleware" and self.apps.is_app(call.func.value, scope):
                self.add(keywords.get("dispatch"), scope, Kind.MIDDLEWARE)
                if call.args:
                    self.asgi_class(call.args[0], scope, ("dispatch", "__call__"), Kind.MIDDLEWARE)

    def _builds_app_base(self, call: ast.Call, scope: Scope) -> bool:
        """``super().__init__(lifespan=lifespan, ...)`` in a method of a ``FastAPI`` subclass:
        the application is built with those handlers as surely as by ``FastAPI(...)``."""
        if not (isinstance(call.func, ast.Attribute) and call.func.attr == "__init__" and is_super(call.func.value)):
            return False
        method = self.by_node.get(id(scope.function))
        owner = method.owner_class if method is not None else None
        return owner is not None and self.apps.is_app_class(f"{self.module.name}.{owner}")

    def _may_be_background_tasks(self, receiver: ast.expr, scope: Scope) -> bool:
        """``background_tasks.add_task(f)``, unless the receiver is known to be something else
        (rich's ``progress.add_task("Downloading")`` takes a description, not a callable)."""
        owner = self.resolver.type_of(receiver, scope)
        return owner is None or any(member in _BACKGROUND_TASKS or _BACKGROUND_TASKS & set(
            self.resolver.external_bases(member)) for member in members(owner))

    def _route_class_kind(self, callee: str | None) -> Kind | None:
        """``Route``/``APIRoute`` and their websocket twins, or a project subclass of one
        (``class ApiRoute(Route)``, then ``ApiRoute("/profile", profile)``)."""
        if callee is None or callee in _ROUTE_CLASSES:
            return _ROUTE_CLASSES.get(callee) if callee else None
        if self.resolver.project_symbol(callee) is None:
            return None
        return next((_ROUTE_CLASSES[b] for b in self.resolver.external_bases(callee) if b in _ROUTE_CLASSES), None)

    def asgi_class(self, expr: ast.expr, scope: Scope, methods: tuple[str, ...], kind: Kind) -> None:
        """The methods Starlette awaits on a project class it was given (middleware, a mounted app)."""
        name = self.resolver.qualified(expr, scope)
        symbol = self.resolver.project_symbol(name) if name else None
        if symbol is None or symbol.kind != "class":
            return
        owner = f"{symbol.module.name}.{symbol.qualname}"
        for method in methods:
            target = self.resolver.method(owner, method)
            if target is not None and target.function is not None and target.module is not None:
                self.found.append(Registration(function_key(target.module.path, target.function.qualname), kind))

    def route_handlers(self, expr: ast.expr | None, scope: Scope) -> None:
        """``APIRouter(route_class=TimedRoute)``: the handler ``TimedRoute.get_route_handler``
        returns wraps every route of the router and runs on the loop for each request (FastAPI's
        "custom APIRoute class"). It must stay async, as a middleware must: the route awaits it."""
        name = self.resolver.qualified(expr, scope) if expr is not None else None
        symbol = self.resolver.project_symbol(name) if name else None
        if symbol is None or symbol.kind != "class":
            return
        target = self.resolver.method(f"{symbol.module.name}.{symbol.qualname}", "get_route_handler")
        getter, module = (target.function, target.module) if target is not None else (None, None)
        if getter is None or module is None:
            return
        for node in iter_loop_nodes(getter.node.body):
            returned = module.by_qualname.get(f"{getter.qualname}.{node.value.id}") \
                if isinstance(node, ast.Return) and isinstance(node.value, ast.Name) else None
            if returned is not None and returned.is_async:
                self.found.append(Registration(function_key(module.path, returned.qualname), Kind.MIDDLEWARE))

    def classes(self) -> None:
        """``BaseHTTPMiddleware.dispatch``, ``StaticFiles`` hooks and class-based endpoints, found by their bases."""
        for qualname in self.module.classes:
            owner = f"{self.module.name}.{qualname}"
            bases = set(self.resolver.external_bases(owner))
            for function in self.module.functions:
                if function.owner_class != qualname:
                    continue
                key = function_key(self.module.path, function.qualname)
                name = function.node.name
                if bases & _MIDDLEWARE_BASES and name == "dispatch":
                    self.found.append(Registration(key, Kind.MIDDLEWARE))
                if bases & _STATIC_FILES_BASES and name in _STATIC_FILES_HOOKS:
                    self.found.append(Registration(key, Kind.MOUNT))
                for base, kind in _ENDPOINT_BASES.items():
                    if base in bases and not name.startswith("_"):
                        self.found.append(Registration(key, kind))


def collect_registrations(module: ModuleInfo, resolver: Resolver) -> list[Registration]:
    """Every function this module hands to FastAPI (possibly defined elsewhere)."""
    return _Collector(module, resolver).run()


_REGISTERING_NAMES = frozenset({
    *(name.rsplit(".", 1)[-1] for name in (*APP_CLASSES, *_ROUTE_CLASSES, *_DEPENDS, *_BACKGROUND_TASK,
                                          *STREAMING_RESPONSES)),
    *_REGISTRAR_CALLS, "add_task", "add_middleware", "mount", "partial"})


#: The text of every call :func:`_may_register` accepts: one of those names or keywords, a name
#: ending in ``Route``, or a call's result called (``router.get("/")(handler)``).
_REGISTERING_TEXT = re.compile(
    rb"\b(?:" + b"|".join(re.escape(w.encode()) for w in sorted({*_REGISTERING_NAMES, *_APP_HANDLER_KEYWORDS}))
    + rb")\b|Route\b|\)(?:[\s\\]|#[^\r\n]*)*\(")


def _may_register(call: ast.Call) -> bool:
    if isinstance(call.func, ast.Call):
        return callee_name(call.func) in _DECORATOR_KINDS
    name = callee_name(call)
    # ``ApiRoute(...)``: a project's route class is named like the one it derives from.
    return name in _REGISTERING_NAMES or name.endswith("Route") or any(k.arg in _APP_HANDLER_KEYWORDS
                                                                     for k in call.keywords)


def keyword_arguments(call: ast.Call, scope: Scope) -> dict[str, ast.expr]:
    """A call's keyword arguments, with those of a ``**options`` whose name is bound once, to a
    dict display with string keys: ``app_kwargs = {"title": ..., "lifespan": lifespan}`` then
    ``FastAPI(**app_kwargs)``."""
    keywords: dict[str, ast.expr] = {}
    for keyword in call.keywords:
        if keyword.arg:
            keywords[keyword.arg] = keyword.value
        elif isinstance(keyword.value, ast.Name):
            # ``app_params: dict = {...}`` binds an annotation as well as the value.
            bindings = [b for b in scope.bindings.get(keyword.value.id, []) if b.kind != "annotation"]
            if len(bindings) == 1 and bindings[0].kind == "value" and isinstance(bindings[0].node, ast.Dict):
                display = bindings[0].node
                for key, value in zip(display.keys, display.values):
                    if isinstance(key, ast.Constant) and isinstance(key.value, str):
                        keywords.setdefault(key.value, value)
    return keywords
