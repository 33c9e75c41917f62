"""What a type's members are: attributes, methods, properties, bases.

Split from :mod:`.resolver` (a mixin of :class:`~.resolver.Resolver`): the type
of ``owner.attr`` (catalogue ``Returns``, a class-body declaration, a property's
return, or the union of what the class's methods assign to ``self.attr``), the
method a call on an ``owner`` runs (a project method, an interface's
implementations, a catalogue API through a library base), and ``super()``.
Types are strings; a union of types is ``a.B|c.D`` (see :func:`union`).
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..catalogue import BlockingApi, Catalogue
from .app_state import STATE, StateAssignment, owner_by_name, state_assignments
from .children import walk_nodes
from .configured_bases import configures
from .declared import DeclaredTypes
from .definitions import DefinedFunction, decorator_names, generic_origin
from .hierarchy import Hierarchy, declares_abstract, implementations, is_abstract, is_protocol
from .memo import CutTracker, Memo
from .modules import ModuleInfo, Symbol
from .project import ProjectIndex
from .scope import Scope
from .self_assignments import SelfAssignments
from .signatures import POST_INIT_HOOKS
from .type_strings import CONTAINER as _CONTAINER
from .type_strings import container_of, element_of, members, union

if TYPE_CHECKING:
    from .arguments import ArgumentTypes

_PROPERTIES = frozenset({"property", "cached_property"})
#: How many subclasses are asked for an attribute their base reads but does not define.
_MIXED_IN_MAX = 8


def _decorated_with(node: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> bool:
    return name in decorator_names(node)


def is_super(expr: ast.expr) -> bool:
    """``super()`` (or ``super(Cls, self)``): the object the method runs on, seen from its class's bases."""
    return isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id == "super"


def _is_property(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return bool(decorator_names(node) & _PROPERTIES)


#: Methods that set up a new instance: what they assign is what the instance holds.
_INITIALISERS = frozenset({"__init__", "__post_init__"})


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
    #: With ``every``: any alternative that blocks on nothing clears the call (the callables
    #: a helper is handed: ``with_retry(describe, ...)`` must not inherit another caller's I/O).
    strict: bool = False


def defining_scope(module: ModuleInfo, class_qualname: str) -> Scope:
    """The scope a class statement runs in: its module's, or for a class defined inside a
    function (``setup.LoggingMiddleware``), that function's (its bases may be local imports)."""
    parent = class_qualname.rpartition(".")[0]
    while parent:
        function = module.by_qualname.get(parent)
        if function is not None:
            return function.scope
        parent = parent.rpartition(".")[0]
    return module.scope


class ClassMembers:
    """Members of types; needs the resolver's ``type_of``, ``annotation_type`` and names."""

    catalogue: Catalogue
    index: ProjectIndex
    hierarchy: Hierarchy
    _attr_memo: Memo[tuple[str, str], str | None]
    _self_assigned: dict[tuple[int, str], SelfAssignments]
    #: id of a module -> (the module, its ``state.NAME = ...`` assignments by name).
    _state_assigned: dict[int, tuple[ModuleInfo, dict[str, list[StateAssignment]]]]
    cuts: CutTracker
    declared: DeclaredTypes
    arguments: ArgumentTypes

    if TYPE_CHECKING:
        def type_of(self, expr: ast.AST, scope: Scope, depth: int = 0) -> str | None: ...
        def annotation_type(self, annotation: ast.AST, scope: Scope, depth: int = 0) -> str | None: ...
        def qualified(self, expr: ast.AST, scope: Scope) -> str | None: ...
        def project_symbol(self, qualname: str) -> Symbol | None: ...

    def returns_of(self, owner: str, attr: str) -> str | None:
        """A ``Returns`` entry for ``owner.attr``, also through a project class's library bases."""
        if "|" in owner:
            return union(t for t in (self.returns_of(m, attr) for m in members(owner)) if t is not None)
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
        if owner == STATE:
            return self._attr_memo.get((owner, attr), lambda: self._state_type(attr, depth), None, depth)
        known = self.returns_of(owner, attr)
        if known is not None:
            return known
        if owner in self.catalogue.classes:
            # ``client.some_db`` on a pymongo client: any attribute is a database.
            return self.catalogue.returns.get(f"{owner}.*")
        return self._attr_memo.get((owner, attr), lambda: self._project_attribute_type(owner, attr, depth), None, depth)

    def _state_type(self, attr: str, depth: int) -> str | None:
        """``request.app.state.cache``: what the project assigns to an app's or a connection's
        ``state.cache``, anywhere (see :mod:`.app_state`)."""
        types: set[str | None] = set()
        for module in self.hierarchy.modules_containing(f"state.{attr}"):
            known = self._state_assigned.get(id(module))
            if known is None or known[0] is not module:
                known = self._state_assigned[id(module)] = (module, state_assignments(module))
            for owner, value, function in known[1].get(attr, ()):
                scope = function.scope if function is not None else module.scope
                owner_type = self.type_of(owner, scope, depth + 1)
                if owner_by_name(owner) if owner_type is None else self.attribute_type(owner_type, "state") == STATE:
                    types.add(self.type_of(value, scope, depth + 1))
        return union(t for t in types if t is not None)

    def _project_attribute_type(self, owner: str, attr: str, depth: int) -> str | None:
        for module, class_qualname, node in self.class_chain(owner):
            getter = module.by_qualname.get(f"{class_qualname}.{attr}")
            if getter is not None and _is_property(getter.node):
                if getter.node.returns is not None:
                    return self.declared.function_returns(getter, depth)
                returned = [n.value for n in walk_nodes(getter.node) if isinstance(n, ast.Return) and n.value]
                return self.type_of(returned[0], getter.scope, depth + 1) if len(returned) == 1 else None
            for statement in node.body:
                if (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
                        and statement.target.id == attr):
                    declared = self.annotation_type(statement.annotation, module.scope, depth + 1)
                    if declared is None and statement.value is not None:
                        declared = self.type_of(statement.value, module.scope, depth + 1)
                    elif declared is None and self.declared.names_no_type(statement.annotation, module.scope) \
                            and self.constructor(owner) is None:  # a generated ``__init__``
                        declared = self.arguments.field_type(owner, attr, depth)
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
        return self._mixed_in_attribute_type(owner, attr, depth)

    def _mixed_in_attribute_type(self, owner: str, attr: str, depth: int) -> str | None:
        """An attribute a class reads but neither it nor its bases give a type: a mixin's
        ``self.ManagedSessionMaker()``, set by the store class that mixes it in. What the
        project's subclasses give it, a few of them at most (the memo cuts the cycle through
        a subclass that does not define it either)."""
        if self.project_symbol(owner) is None:
            return None
        subclasses = self.hierarchy.subclasses(owner, self)[:_MIXED_IN_MAX]
        return union(t for t in (self.attribute_type(sub, attr, depth + 1) for sub in subclasses) if t)

    def _assigned_attribute_type(self, module: ModuleInfo, class_qualname: str, attr: str, depth: int) -> str | None:
        """``self.attr = ...`` in any method of the class: the union of what is assigned.

        ``self.auth = None`` in ``__init__`` and ``self.auth = AuthService(...)`` in a
        ``setup()`` or under a condition: the attribute holds the service whenever it is used
        as one. An annotated assignment in ``__init__`` (or a dataclass's ``__post_init__``)
        declares the type outright; elsewhere its annotation counts when its value says nothing.
        An attribute nothing typed is assigned to, but filled by ``self.attr[key] = value`` or
        ``self.attr.append(value)`` (``self.queues = {}``, then ``self.queues[path] =
        manager.Queue()`` at start-up), holds what is stored in it.
        """
        assignments, stored = self.self_assignments(module, class_qualname).of(attr)
        types: list[str] = []
        for function, assigned in assignments:
            if isinstance(assigned, ast.AnnAssign):
                # ``self.cache: Cache = MemoryCache()``: the instance is more precise than the interface.
                declared = self.annotation_type(assigned.annotation, function.scope, depth + 1)
                value = self.type_of(assigned.value, function.scope, depth + 1) if assigned.value else None
                if function.node.name in _INITIALISERS and (
                        value is not None or declared is not None or assigned.value is None):
                    return value or self._filled_interfaces(declared, stored or (), depth)
                chosen = value or declared
                if chosen is not None:
                    types.append(chosen)
                continue
            if assigned.value is not None:
                found = self.type_of(assigned.value, function.scope, depth + 1)
                if found is not None:
                    types.append(found)
        if not types and stored is not None:
            return self._stored_container(stored, depth)
        return union(types)

    def _filled_interfaces(self, declared: str | None, stored: Sequence[tuple[DefinedFunction, ast.expr]],
                           depth: int) -> str | None:
        """``self.middlewares: list[Middleware] = []`` filled by ``self.middlewares.append(m)``:
        an interface's elements are also what is stored (``m`` typed by the callers of ``use``)."""
        element = element_of(declared)
        if element is None or not stored or not self.declared.names_interface(element):
            return declared
        return self._stored_container(stored, depth, element) or declared

    def _stored_container(self, stored: Sequence[tuple[DefinedFunction, ast.expr]], depth: int,
                          *also: str) -> str | None:
        """A container of what is stored in it (the first 16 values), with ``also``'s elements."""
        found = (self.type_of(value, function.scope, depth + 1) for function, value in stored[:16])
        return container_of(union([*also, *(t for t in found if t is not None)]))

    def self_assignments(self, module: ModuleInfo, class_qualname: str) -> SelfAssignments:
        """Every ``self.x = ...`` of a class and every value stored into ``self.x``, each method
        walked once (see :mod:`.self_assignments`)."""
        key = (id(module), class_qualname)
        cached = self._self_assigned.get(key)
        if cached is None:
            cached = self._self_assigned[key] = SelfAssignments(module, class_qualname)
        return cached

    # -- classes -----------------------------------------------------------------
    def class_chain(self, class_name: str, depth: int = 0) -> list[tuple[ModuleInfo, str, ast.ClassDef]]:
        """The project classes of a type's MRO (approximately: depth-first over bases)."""
        symbol = self.project_symbol(class_name)
        if depth > 8:
            self.cuts.depth_bound()
            return []
        if symbol is not None and symbol.kind == "value" and isinstance(symbol.node, ast.Call) and symbol.index is None:
            return [link for base in self._made_from(symbol.module, symbol.node) for link in self.class_chain(base, depth + 1)]
        if symbol is None or symbol.kind != "class" or not isinstance(symbol.node, ast.ClassDef):
            return []
        chain = [(symbol.module, symbol.qualname, symbol.node)]
        scope = defining_scope(symbol.module, symbol.qualname)
        for base in symbol.node.bases:
            base_name = self.qualified(generic_origin(base), scope)
            if base_name is not None:
                chain += self.class_chain(base_name, depth + 1)
            elif isinstance(base, ast.Name) and (found := scope.lookup(base.id)) is not None and len(found[1]) == 1 \
                    and found[1][0].kind == "value" and isinstance(found[1][0].node, ast.Call):
                # ``Base = declarative_base(cls=Mixin)`` in this module: the classes it was made from.
                chain += [link for made in self._made_from(symbol.module, found[1][0].node)
                          for link in self.class_chain(made, depth + 1)]
        return chain

    def _made_from(self, module: ModuleInfo, call: ast.Call) -> list[str]:
        """The classes a class factory's call derives its class from (``declarative_base(cls=X)``)."""
        made = self.catalogue.made_classes
        function = self.qualified(call.func, module.scope) if made else None
        keyword = made.get(self.catalogue.canonical(function)) if function else None
        value = next((k.value for k in call.keywords if keyword and k.arg == keyword), None)
        given = value.elts if isinstance(value, ast.Tuple) else [value] if value is not None else []
        return [name for expr in given if (name := self.qualified(expr, module.scope)) is not None]

    def generic_class(self, subscript: ast.Subscript, scope: Scope) -> str | None:
        """``Executor[Model](...)`` makes an ``Executor`` (a project or catalogue class)."""
        name = self.qualified(subscript.value, scope)
        symbol = self.project_symbol(name) if name is not None else None
        if symbol is not None and symbol.kind == "class":
            return f"{symbol.module.name}.{symbol.qualname}"
        return name if name is not None and name in self.catalogue.classes else None

    def external_bases(self, class_name: str) -> list[str]:
        """Library classes a project class derives from (``peewee.Model``)."""
        if class_name in self.catalogue.classes:
            return [class_name]
        bases: list[str] = []
        for module, qualname, node in self.class_chain(class_name):
            for base in node.bases:
                name = self.qualified(generic_origin(base), defining_scope(module, qualname))
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
        chain = self.class_chain(owner)
        for module, class_qualname, node in chain:
            function = module.by_qualname.get(f"{class_qualname}.{attr}")
            if function is not None:
                target = CallTarget(f"{owner.rsplit('.', 1)[-1]}.{attr}", function=function, module=module)
                if not (is_abstract(function) or is_protocol(node) or declares_abstract(chain[0][2])):
                    return target
                # An interface (or a method of an abstract class, which its subclasses may
                # override): what runs is one of the project's implementations.
                found = implementations(self, owner, attr)
                if not found or (not is_abstract(function) and all(f.node is function.node for f, _m in found)):
                    return target
                return CallTarget(target.name, every=True, alternatives=tuple(
                    CallTarget(f.qualname, function=f, module=m) for f, m in found))
        for base in self.external_bases(owner) or [owner]:
            api = self.catalogue.api(f"{base}.{attr}")
            if api is not None:
                return CallTarget(f"{base}.{attr}", api=api)
        return None

    def constructor(self, class_name: str) -> CallTarget | None:
        """What making an instance runs: its ``__init__``, else the hook a generated one calls
        (a dataclass's ``__post_init__``, attrs' ``__attrs_post_init__``, pydantic's
        ``model_post_init``)."""
        for name in ("__init__", *POST_INIT_HOOKS):
            target = self.method(class_name, name)
            if target is not None and target.function is not None:
                return target
        return self._configured_base(class_name)

    def _configured_base(self, class_name: str) -> CallTarget | None:
        """A library base whose constructor blocks because of how the project class configures
        it: a pydantic settings class that names an ``env_file`` reads it for every instance."""
        for base in self.external_bases(class_name):
            api = self.catalogue.api(self.catalogue.canonical(base))
            if api is not None and api.blocks_when_configured and configures(
                    [node for _module, _qualname, node in self.class_chain(class_name)], api.blocks_when_configured):
                return CallTarget(api.qualname, api=api)
        return None

    def mixed_in_method(self, owner: str, attr: str) -> CallTarget | None:
        """A method a class calls on ``self`` but neither it nor its bases define: a base whose
        ``find_run`` calls ``self.get_session()``, defined by the subclass that is instantiated.
        One of the project's subclasses' methods runs (it blocks when every one of them does).
        Asked for ``self`` only: on any other receiver typed by a base class (``factory.create()``
        where ``get_instance`` is annotated ``-> BaseComponent``), every subclass's ``create``
        would be a guess."""
        found = implementations(self, owner, attr)
        if not found:
            return None
        targets = tuple(CallTarget(f.qualname, function=f, module=m) for f, m in found)
        return targets[0] if len(targets) == 1 else CallTarget(targets[0].name, every=True, alternatives=targets)

    def property_getter(self, attribute: ast.Attribute, scope: Scope) -> CallTarget | None:
        """The project ``@property`` getter that reading ``attribute`` runs (a ``cached_property``
        runs once per instance: start-up cost, left out)."""
        if isinstance(attribute.value, ast.Name) and scope.lookup(attribute.value.id) is None:
            return None
        owner = self.type_of(attribute.value, scope)
        if owner is None or "|" in owner or owner.startswith(_CONTAINER):
            return None
        if owner in self.catalogue.classes:  # a library's property the catalogue lists
            api = self.catalogue.apis.get(f"{owner}.{attribute.attr}")
            return CallTarget(api.qualname, api=api) if api is not None and api.attribute else None
        for module, class_qualname, _node in self.class_chain(owner):
            getter = module.by_qualname.get(f"{class_qualname}.{attribute.attr}")
            if getter is not None:
                if not _is_property(getter.node) or _decorated_with(getter.node, "cached_property"):
                    return None
                return CallTarget(getter.qualname, function=getter, module=module)
        return None

    def _super_method(self, scope: Scope, attr: str) -> CallTarget | None:
        """``super().create(request)`` in a method: the next definition in the class's bases."""
        # The class the method is defined in, not the one a call typed ``self`` with.
        defined = self.index.defined(scope.function) if scope.function is not None else None
        where = defined.scope if defined is not None else scope
        own = next((b.target for bs in where.bindings.values() for b in bs if b.kind == "instance"), None)
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

