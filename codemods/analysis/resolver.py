"""What an expression holds and what a call reaches: catalogue APIs and project code.

Types are dotted class names: catalogue classes (``requests.Session``,
``sqlalchemy.orm.Session``) and project classes (``app.store.ReportStore``).
They come from constructor and factory calls, ``with X() as v``, parameter
and variable annotations (``Optional``/``| None``/``Annotated`` unwrapped,
module-level aliases such as ``SessionDep = Annotated[Session, Depends(...)]``
followed), ``self`` in methods, attributes assigned in ``__init__``, project
functions' return annotations, and module-level instances in other modules.
A name bound several ways that disagree has no type. Unknown never blocks.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass

from ..catalogue import BlockingApi, Catalogue
from .arguments import ArgumentTypes
from .declared import CONTAINER as _CONTAINER
from .declared import MAX_DEPTH as _MAX_DEPTH
from .declared import DeclaredTypes
from .definitions import DefinedFunction
from .hierarchy import Hierarchy, implementations, is_abstract, is_protocol
from .project import ModuleInfo, ProjectIndex, Symbol
from .scope import Binding, Scope, qualified_name

_PROPERTIES = frozenset({"property", "cached_property"})


#: Constructors that work on an in-memory buffer as well as on a file: with a BytesIO
#: they do no I/O at all (``zipfile.ZipFile(io.BytesIO(data))``).
_BUFFER_CAPABLE = frozenset({"zipfile.ZipFile", "tarfile.open", "tarfile.TarFile", "gzip.GzipFile", "gzip.open",
                             "bz2.BZ2File", "bz2.open", "lzma.LZMAFile", "lzma.open", "builtins.open"})
_BUFFERS = frozenset({"io.BytesIO", "io.StringIO"})
#: Openers that only read a header, lazily: from a buffer they cost nothing, but what they
#: return still does the heavy work (``Image.open(io.BytesIO(data)).convert("RGB")``).
_HEADER_READERS = frozenset({"PIL.Image.open"})


#: At most this many types in a union; a name bound to more is left untyped.
_MAX_UNION = 4


def union(types: Iterable[str]) -> str | None:
    """One type string for several: ``a.Client|b.Client`` (sorted, so equal unions are equal strings)."""
    members = sorted({m for t in types for m in t.split("|")})
    if not members or len(members) > _MAX_UNION:
        return None
    return "|".join(members)


def members(type_name: str) -> list[str]:
    """The types a union type string stands for (a plain type: itself)."""
    return type_name.split("|")


def _generic_origin(base: ast.expr) -> ast.expr:
    """``BaseDao[Entity, Request]`` in a class's bases is the class ``BaseDao``."""
    return base.value if isinstance(base, ast.Subscript) else base


def _decorated_with(node: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> bool:
    return any((d.attr if isinstance(d, ast.Attribute) else getattr(d, "id", "")) == name
               for d in node.decorator_list)


def _is_super(expr: ast.expr) -> bool:
    return isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id == "super"


def _is_property(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for decorator in node.decorator_list:
        name = decorator.attr if isinstance(decorator, ast.Attribute) else getattr(decorator, "id", "")
        if name in _PROPERTIES:
            return True
    return False


@dataclass(frozen=True)
class CallTarget:
    """A call resolves to a catalogue API, or to a function of the project."""

    name: str
    api: BlockingApi | None = None
    function: DefinedFunction | None = None
    module: ModuleInfo | None = None
    #: What the call may run instead, when the receiver's type is a union (any one may be
    #: the one that runs) or an abstract method (``every``: one of the implementations runs).
    alternatives: tuple[CallTarget, ...] = ()
    every: bool = False


class Resolver:
    def __init__(self, catalogue: Catalogue, index: ProjectIndex) -> None:
        self.catalogue = catalogue
        self.index = index
        self._attr_cache: dict[tuple[str, str], str | None] = {}
        self._type_memo: dict[tuple[int, int], str | None] = {}
        self.declared = DeclaredTypes(self)
        self.hierarchy = Hierarchy(index)
        self.arguments = ArgumentTypes(self)

    # -- names -------------------------------------------------------------------
    def qualified(self, expr: ast.AST, scope: Scope) -> str | None:
        name = qualified_name(expr, scope)
        return self.catalogue.canonical(name) if name is not None else None

    def project_symbol(self, qualname: str) -> Symbol | None:
        return self.index.resolve(qualname)

    # -- types -------------------------------------------------------------------
    def annotation_type(self, annotation: ast.AST, scope: Scope, depth: int = 0) -> str | None:
        return self.declared.annotation_type(annotation, scope, depth)

    def type_of(self, expr: ast.AST, scope: Scope, depth: int = 0) -> str | None:
        """Memoised per (expression, scope): names rebound many times would otherwise
        make the walk over their bindings exponential."""
        if depth > _MAX_DEPTH:
            return None
        key = (id(expr), id(scope))
        if key in self._type_memo:
            return self._type_memo[key]
        self._type_memo[key] = None  # a cycle through this expression has no type
        found = self._type_of(expr, scope, depth)
        self._type_memo[key] = found
        return found

    def _type_of(self, expr: ast.AST, scope: Scope, depth: int) -> str | None:
        if isinstance(expr, ast.Call):
            return self._call_type(expr, scope, depth)
        if isinstance(expr, ast.Name):
            return self._name_type(expr, scope, depth)
        if isinstance(expr, ast.Attribute):
            owner = self.type_of(expr.value, scope, depth + 1)
            if owner is not None:
                return self.attribute_type(owner, expr.attr, depth)
            name = self.qualified(expr, scope)
            return self.symbol_type(name, depth) if name else None
        if isinstance(expr, ast.Subscript):
            owner = self.type_of(expr.value, scope, depth + 1)
            if owner is not None and owner.startswith(_CONTAINER):
                return owner[len(_CONTAINER):]
            return self.catalogue.returns.get(f"{owner}.__getitem__") if owner else None
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Div):
            left = self.type_of(expr.left, scope, depth + 1)
            return left if left == "pathlib.Path" else None
        if isinstance(expr, ast.Await):
            return self.type_of(expr.value, scope, depth + 1)
        return None

    def in_memory(self, callee: str, call: ast.Call, scope: Scope) -> bool:
        """A buffer-capable constructor given a ``BytesIO``/``StringIO`` instead of a file."""
        if callee not in _BUFFER_CAPABLE | _HEADER_READERS or callee == "builtins.open":
            return False
        candidates = [*call.args[:1], *(k.value for k in call.keywords if k.arg in {"fileobj", "file", "fp"})]
        for value in candidates:
            if isinstance(value, ast.Call) and self.qualified(value.func, scope) in _BUFFERS:
                return True
            if isinstance(value, ast.Name):
                found = scope.lookup(value.id)
                if found is not None and all(
                    b.kind == "value" and isinstance(b.node, ast.Call) and self.qualified(b.node.func, found[0])
                    in _BUFFERS for b in found[1]
                ):
                    return True
        return False

    def _call_type(self, call: ast.Call, scope: Scope, depth: int) -> str | None:
        callee = self.qualified(call.func, scope)
        if callee is not None and callee not in _HEADER_READERS and self.in_memory(callee, call, scope):
            return None
        if callee is not None:
            symbol = self.project_symbol(callee)
            if symbol is not None and symbol.kind == "class":
                return f"{symbol.module.name}.{symbol.qualname}"
        target = self.call_target(call, scope, depth)
        if target is not None and target.function is not None and target.module is not None:
            returns = target.function.node.returns
            declared = self.annotation_type(returns, target.function.enclosing, depth + 1) if returns else None
            # ``-> Any`` (or an annotation naming nothing known) says less than the body does.
            return declared or self.declared.returned_type(target.function, depth + 1)
        callee = self.qualified(call.func, scope)
        if callee is not None:
            found = self.catalogue.type_of_call(callee)
            if found is not None:
                return found
            symbol = self.project_symbol(callee)
            if symbol is not None and symbol.kind == "class":
                return f"{symbol.module.name}.{symbol.qualname}"
            if isinstance(call.func, ast.Name):
                return None
        if isinstance(call.func, ast.Attribute):
            owner = self.type_of(call.func.value, scope, depth + 1)
            if owner is None:
                return None
            if owner.startswith(_CONTAINER):
                # ``clients.get(name)``, ``clients.pop(name)``: an element.
                return owner[len(_CONTAINER):] if call.func.attr in {"get", "pop", "setdefault"} else None
            result = self._returns(owner, call.func.attr)
            if result is not None and f"{result}.__call__" in self.catalogue.returns:
                # A typed attribute that is itself called: ``v2.services("VA")``.
                return self.catalogue.returns[f"{result}.__call__"]
            if result is None and "|" not in owner and owner not in self.catalogue.classes:
                # A factory kept on an object: ``self.Session = sessionmaker(...)``, then ``self.Session()``.
                factory = self.attribute_type(owner, call.func.attr, depth + 1)
                return self.catalogue.returns.get(f"{factory}.__call__") if factory is not None else None
            return result
        # Calling an instance: ``SessionLocal()`` where ``SessionLocal = sessionmaker(...)``.
        owner = self.type_of(call.func, scope, depth + 1)
        return self.catalogue.returns.get(f"{owner}.__call__") if owner is not None else None

    def _name_type(self, expr: ast.Name, scope: Scope, depth: int) -> str | None:
        found = scope.lookup(expr.id)
        if found is None:
            return None
        owner, bindings = found
        return self.bindings_type(bindings, owner, depth, expr, scope)

    def bindings_type(self, bindings: list[Binding] | tuple[Binding, ...], owner: Scope, depth: int,
                      expr: ast.Name | None = None, scope: Scope | None = None) -> str | None:
        """What a name bound these ways holds: the union of the types its bindings give.

        A binding of unknown type (``client = None``, ``client = cache.get(k)``) adds nothing:
        when the name is used as a client, it holds one of the clients assigned to it.
        """
        types: set[str | None] = set()
        for binding in bindings:
            if binding.kind == "instance":
                types.add(binding.target)
            elif binding.kind == "value" and binding.node is not None:
                where = binding.origin.scope if binding.origin is not None else owner
                types.add(self.type_of(binding.node, where, depth + 1))
            elif binding.kind == "annotation" and binding.node is not None:
                types.add(self.annotation_type(binding.node, owner, depth + 1))
            elif binding.kind == "unpack" and binding.node is not None:
                types.add(self.declared.unpacked_type(binding.node, int(binding.target), owner, depth + 1))
            elif binding.kind == "parameter" and binding.node is not None:
                index, parameter = binding.target.split(":", 1)
                types.add(self.arguments.parameter_type(binding.node, parameter, int(index), depth + 1))
            elif binding.kind == "default" and isinstance(binding.node, ast.expr):
                types.add(self.declared.dependency_type(binding.node, owner.parent or owner, depth + 1))
            elif binding.kind in {"import", "class"} and expr is not None and scope is not None:
                name = self.qualified(expr, scope)
                types.add(self.symbol_type(name, depth) if name else None)
            elif binding.kind == "function" and isinstance(binding.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                types.add(self.decorated_type(binding.node, owner, depth))
            else:
                types.add(None)
        return union(t for t in types if t is not None)

    def symbol_type(self, name: str, depth: int, annotation: bool = False) -> str | None:
        """A class (``Event.get``), a module-level instance elsewhere, or (in an annotation) an alias."""
        if name in self.catalogue.classes:
            return name
        symbol = self.project_symbol(name)
        if symbol is None:
            return None
        if symbol.kind == "class":
            return f"{symbol.module.name}.{symbol.qualname}"
        if symbol.kind == "value" and symbol.bindings:
            return None if annotation else self.bindings_type(symbol.bindings, symbol.module.scope, depth + 1)
        if symbol.kind == "function" and symbol.function is not None and not annotation:
            return self.decorated_type(symbol.function.node, symbol.function.enclosing, depth)
        if symbol.kind == "value" and symbol.index is not None and symbol.node is not None:
            return None if annotation else self.declared.unpacked_type(
                symbol.node, symbol.index, symbol.module.scope, depth + 1)
        if symbol.kind == "value" and symbol.annotation is not None and not annotation:
            # ``STORES: dict[str, Store] = {...}``: the declared type, else what the value gives.
            declared = self.annotation_type(symbol.annotation, symbol.module.scope, depth + 1)
            if declared is not None:
                return declared
        if symbol.kind == "value" and symbol.node is not None:
            read = self.annotation_type if annotation else self.type_of
            return read(symbol.node, symbol.module.scope, depth + 1)
        return None

    def decorated_type(self, node: ast.FunctionDef | ast.AsyncFunctionDef, scope: Scope, depth: int) -> str | None:
        """What the outermost decorator turns a function into, when the catalogue types it.

        ``@app.task`` and ``@shared_task(bind=True)`` make a Celery task (``Returns`` on
        ``celery.Celery.task`` and ``celery.shared_task``), so ``send_email.delay(...)`` is known.
        """
        if not node.decorator_list or depth > _MAX_DEPTH:
            return None
        decorator = node.decorator_list[0]
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        name = self.qualified(target, scope)
        if name is not None and name in self.catalogue.returns:
            return self.catalogue.returns[name]
        if isinstance(target, ast.Attribute):
            owner = self.type_of(target.value, scope, depth + 1)
            return self._returns(owner, target.attr) if owner is not None else None
        return None

    def _returns(self, owner: str, attr: str) -> str | None:
        """A ``Returns`` entry for ``owner.attr``, also through a project class's library bases."""
        if "|" in owner:
            return union(t for t in (self._returns(m, attr) for m in members(owner)) if t is not None)
        known = self.catalogue.returns.get(f"{owner}.{attr}")
        if known is not None or owner in self.catalogue.classes:
            return known
        for base in self.external_bases(owner):
            known = self.catalogue.returns.get(f"{base}.{attr}")
            if known is not None:
                return known
        return None

    def attribute_type(self, owner: str, attr: str, depth: int = 0) -> str | None:
        if "|" in owner:
            return union(t for t in (self.attribute_type(m, attr, depth) for m in members(owner)) if t is not None)
        known = self._returns(owner, attr)
        if known is not None:
            return known
        if owner in self.catalogue.classes:
            # ``client.some_db`` on a pymongo client: any attribute is a database.
            return self.catalogue.returns.get(f"{owner}.*")
        key = (owner, attr)
        if key in self._attr_cache:
            return self._attr_cache[key]
        self._attr_cache[key] = None  # cycle guard
        found = self._project_attribute_type(owner, attr, depth)
        self._attr_cache[key] = found
        return found

    def _project_attribute_type(self, owner: str, attr: str, depth: int) -> str | None:
        for module, class_qualname, node in self.class_chain(owner):
            getter = module.by_qualname.get(f"{class_qualname}.{attr}")
            if getter is not None and _is_property(getter.node):
                if getter.node.returns is not None:
                    return self.annotation_type(getter.node.returns, getter.enclosing, depth + 1)
                returned = [n.value for n in ast.walk(getter.node) if isinstance(n, ast.Return) and n.value]
                return self.type_of(returned[0], getter.scope, depth + 1) if len(returned) == 1 else None
            for statement in node.body:
                if (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
                        and statement.target.id == attr):
                    declared = self.annotation_type(statement.annotation, module.scope, depth + 1)
                    if declared is None and statement.value is not None:
                        declared = self.type_of(statement.value, module.scope, depth + 1)
                    if declared is not None:
                        return declared
                    # ``client: None`` or ``client: Any`` declares nothing: ``__init__`` may say more.
                if (isinstance(statement, ast.Assign) and len(statement.targets) == 1
                        and isinstance(statement.targets[0], ast.Name) and statement.targets[0].id == attr):
                    # A class attribute shared by every instance: ``_store = MongoClient(uri)[name]``
                    # (``_store = None`` declares nothing: the methods may fill it).
                    shared = self.type_of(statement.value, module.scope, depth + 1)
                    if shared is not None:
                        return shared
            assigned = self._assigned_attribute_type(module, class_qualname, attr, depth)
            if assigned is not None:
                return assigned
        return None

    def _assigned_attribute_type(self, module: ModuleInfo, class_qualname: str, attr: str, depth: int) -> str | None:
        """``self.attr = ...`` in any method of the class: the union of what is assigned.

        ``self.auth = None`` in ``__init__`` and ``self.auth = AuthService(...)`` in a
        ``setup()`` or under a condition: the attribute holds the service whenever it is used
        as one. An annotated assignment in ``__init__`` declares the type outright.
        """
        types: list[str] = []
        for function in module.functions:
            if function.owner_class != class_qualname:
                continue
            for assigned in ast.walk(function.node):
                if not isinstance(assigned, (ast.Assign, ast.AnnAssign)):
                    continue
                targets = assigned.targets if isinstance(assigned, ast.Assign) else [assigned.target]
                if not any(isinstance(t, ast.Attribute) and t.attr == attr and isinstance(t.value, ast.Name)
                           and t.value.id == "self" for t in targets):
                    continue
                if isinstance(assigned, ast.AnnAssign) and function.node.name == "__init__":
                    # ``self.cache: Cache = MemoryCache()``: the instance is more precise than the interface.
                    declared = self.annotation_type(assigned.annotation, function.scope, depth + 1)
                    value = self.type_of(assigned.value, function.scope, depth + 1) if assigned.value else None
                    if value is not None or declared is not None or assigned.value is None:
                        return value or declared
                if assigned.value is not None:
                    found = self.type_of(assigned.value, function.scope, depth + 1)
                    if found is not None:
                        types.append(found)
        return union(types)

    # -- classes -----------------------------------------------------------------
    def class_chain(self, class_name: str, depth: int = 0) -> list[tuple[ModuleInfo, str, ast.ClassDef]]:
        """The project classes of a type's MRO (approximately: depth-first over bases)."""
        symbol = self.project_symbol(class_name)
        if symbol is None or symbol.kind != "class" or not isinstance(symbol.node, ast.ClassDef) or depth > 8:
            return []
        chain = [(symbol.module, symbol.qualname, symbol.node)]
        for base in symbol.node.bases:
            base_name = self.qualified(_generic_origin(base), symbol.module.scope)
            if base_name is not None:
                chain += self.class_chain(base_name, depth + 1)
        return chain

    def external_bases(self, class_name: str) -> list[str]:
        """Library classes a project class derives from (``peewee.Model``)."""
        if class_name in self.catalogue.classes:
            return [class_name]
        bases: list[str] = []
        for module, _qualname, node in self.class_chain(class_name):
            for base in node.bases:
                name = self.qualified(_generic_origin(base), module.scope)
                if name is not None and self.project_symbol(name) is None:
                    bases.append(name)
        return bases

    # -- calls -------------------------------------------------------------------
    def method(self, owner: str, attr: str) -> CallTarget | None:
        if "|" not in owner:
            return self._method(owner, attr)
        found = [t for t in (self._method(m, attr) for m in members(owner)) if t is not None]
        if len(found) <= 1:
            return found[0] if found else None
        return CallTarget(found[0].name, alternatives=tuple(found))

    def _method(self, owner: str, attr: str) -> CallTarget | None:
        for module, class_qualname, node in self.class_chain(owner):
            function = module.by_qualname.get(f"{class_qualname}.{attr}")
            if function is not None:
                target = CallTarget(f"{owner.rsplit('.', 1)[-1]}.{attr}", function=function, module=module)
                if not (is_abstract(function) or is_protocol(node)):
                    return target
                # An interface: what runs is one of the project's implementations.
                found = implementations(self, owner, attr)
                if not found:
                    return target
                return CallTarget(target.name, every=True, alternatives=tuple(
                    CallTarget(f.qualname, function=f, module=m) for f, m in found))
        for base in self.external_bases(owner) or [owner]:
            api = self.catalogue.api(f"{base}.{attr}")
            if api is not None:
                return CallTarget(f"{base}.{attr}", api=api)
        return None

    def property_getter(self, attribute: ast.Attribute, scope: Scope) -> CallTarget | None:
        """The project ``@property`` getter that reading ``attribute`` runs (a ``cached_property``
        runs once per instance: start-up cost, left out)."""
        if isinstance(attribute.value, ast.Name) and scope.lookup(attribute.value.id) is None:
            return None
        owner = self.type_of(attribute.value, scope)
        if owner is None or "|" in owner or owner.startswith(_CONTAINER) or owner in self.catalogue.classes:
            return None
        for module, class_qualname, _node in self.class_chain(owner):
            getter = module.by_qualname.get(f"{class_qualname}.{attribute.attr}")
            if getter is not None:
                if not _is_property(getter.node) or _decorated_with(getter.node, "cached_property"):
                    return None
                return CallTarget(getter.qualname, function=getter, module=module)
        return None

    def _super_method(self, scope: Scope, attr: str) -> CallTarget | None:
        """``super().create(request)`` in a method: the next definition in the class's bases."""
        own = next((b.target for bs in scope.bindings.values() for b in bs if b.kind == "instance"), None)
        if own is None:
            return None
        for module, class_qualname, _node in self.class_chain(own)[1:]:
            function = module.by_qualname.get(f"{class_qualname}.{attr}")
            if function is not None:
                return CallTarget(f"{class_qualname}.{attr}", function=function, module=module)
        for base in self.external_bases(own):
            api = self.catalogue.api(f"{base}.{attr}")
            if api is not None:
                return CallTarget(f"{base}.{attr}", api=api)
        return None

    def _local_function(self, name: str, scope: Scope) -> CallTarget | None:
        """A function defined inside a function and called there (``def run(): ...; run()``):
        a helper like any other. Handed to a thread as a value, it is not a call at all."""
        found = scope.lookup(name)
        if found is None or found[0].parent is None or len(found[1]) != 1 or found[1][0].kind != "function":
            return None
        node = found[1][0].node
        function = self.index.defined(node) if node is not None else None
        if function is None:
            return None
        return CallTarget(function.qualname, function=function, module=self.index.owner(function))

    def call_target(self, call: ast.Call, scope: Scope, depth: int = 0) -> CallTarget | None:
        callee = self.qualified(call.func, scope)
        if callee is not None:
            api = self.catalogue.api(callee)
            if api is not None:
                blocks = api.blocks_for(call) and not self.in_memory(callee, call, scope)
                return CallTarget(callee, api=api) if blocks else None
            symbol = self.project_symbol(callee)
            if symbol is not None and symbol.kind == "function" and symbol.function is not None:
                return CallTarget(symbol.qualname, function=symbol.function, module=symbol.module)
            if symbol is not None and symbol.kind == "class":
                init = self.method(f"{symbol.module.name}.{symbol.qualname}", "__init__")
                return init if init is not None and init.function is not None else None
            if isinstance(call.func, ast.Name):
                return None
        elif isinstance(call.func, ast.Name):
            return self._local_function(call.func.id, scope)
        if isinstance(call.func, ast.Attribute) and _is_super(call.func.value):
            return self._super_method(scope, call.func.attr)
        if isinstance(call.func, ast.Attribute):
            owner = self.type_of(call.func.value, scope, depth + 1)
            if owner is not None:
                target = self.method(owner, call.func.attr)
                if target is not None and target.api is not None and not target.api.blocks_for(call):
                    return None
                return target
        return None
