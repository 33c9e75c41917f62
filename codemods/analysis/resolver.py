"""What an expression holds and what a call reaches: catalogue APIs and project code.

Types are dotted class names: catalogue classes (``requests.Session``, ``sqlalchemy.orm.Session``) and
project classes (``app.store.ReportStore``). They come from constructor and factory calls, ``with X() as v``,
parameter and variable annotations (``Optional``/``| None``/``Annotated`` unwrapped, module-level aliases such
as ``SessionDep = Annotated[Session, Depends(...)]`` followed), ``self`` in methods, attributes assigned in
``__init__``, project functions' return annotations, and module-level instances in other modules. A name
bound several ways that disagree has no type. Unknown never blocks.
"""

from __future__ import annotations

import ast
from dataclasses import replace

from ..catalogue import Catalogue
from .arguments import ArgumentTypes
from .buffers import HEADER_READERS, in_memory
from .classes import CallTarget, ClassMembers, is_super
from .declared import MAX_DEPTH, DeclaredTypes, display_values, is_empty_or_display
from .decorators import decorated_type, wrapped_by
from .dispatch import dispatched, getattr_parts
from .function_values import FunctionValues, holds_instance
from .given_types import CASTS, PASSED_CLASS, cast_type, class_of_classmethod, passed_class, type_variable_class
from .hierarchy import Hierarchy
from .keyed_values import keyed_values
from .listings import as_called
from .loop_targets import comprehension_types
from .memo import CutTracker, Memo
from .module_values import ModuleValues, module_type
from .modules import Symbol
from .names import dotted_parts, qualified_name
from .narrowing import Assertions
from .project import ProjectIndex
from .scope import Binding, Scope, parameter_binding
from .type_strings import container_of, element_of, members, union
from .wrapped_calls import wrapped_generator


class Resolver(ClassMembers):
    """Types of expressions and targets of calls, for one project (memoised for the run)."""

    def __init__(self, catalogue: Catalogue, index: ProjectIndex) -> None:
        self.catalogue = catalogue
        self.index = index
        #: Shared by the memo tables of this resolver (see :mod:`.memo`).
        self.cuts = CutTracker()
        self._attr_memo: Memo[tuple[str, str], str | None] = Memo(self.cuts)
        self._type_memo: Memo[int, str | None] = Memo(self.cuts)
        self._self_assigned, self._state_assigned = {}, {}
        self.declared = DeclaredTypes(self)
        self.hierarchy = Hierarchy(index)
        self.arguments = ArgumentTypes(self)
        self.functions = FunctionValues(index)
        self.assertions = Assertions(self)
        self.module_values = ModuleValues(self)
        #: id of a plain ``def``'s node -> whether it returns a coroutine (see :mod:`.awaitables`).
        self.coroutine_returning: Memo[int, bool] = Memo(self.cuts)

    # -- names -------------------------------------------------------------------
    def qualified(self, expr: ast.AST, scope: Scope) -> str | None:
        name = qualified_name(expr, scope)
        if name is None:
            name = self._star_imported(expr, scope) or self.module_values.name_through(expr, scope)
        return self.catalogue.canonical(name) if name is not None else None

    def _star_imported(self, expr: ast.AST, scope: Scope) -> str | None:
        """A name bound nowhere in sight, from a module the file star-imports
        (``from app.services.auth import *`` then ``login_admin(...)``)."""
        parts = dotted_parts(expr)
        if not parts or scope.lookup(parts[0]) is not None:
            return None
        top = scope
        while top.parent is not None:
            top = top.parent
        for star in top.star_imports:
            if self.index.resolve(f"{star}.{parts[0]}") is not None:
                return ".".join([star, *parts])
        return None

    def project_symbol(self, qualname: str) -> Symbol | None:
        return self.index.resolve(qualname)

    def names_class(self, expr: ast.expr, scope: Scope) -> bool:
        """``expr`` names a class of the project (or of an installed library): calling it builds one."""
        name = self.qualified(expr, scope)
        symbol = self.project_symbol(name) if name else None
        return symbol is not None and symbol.kind == "class"

    # -- types -------------------------------------------------------------------
    def annotation_type(self, annotation: ast.AST, scope: Scope, depth: int = 0) -> str | None:
        return self.declared.annotation_type(annotation, scope, depth)

    def type_of(self, expr: ast.AST, scope: Scope, depth: int = 0) -> str | None:
        """Memoised per (expression, scope), both ids in one int (agno: 110,000 keys, 9 MB less than
        pairs): names rebound many times would otherwise make the walk over their bindings
        exponential. A cycle through an expression has no type."""
        if depth > MAX_DEPTH:
            self.cuts.depth_bound()
            return None
        return self._type_memo.get(id(expr) << 64 | id(scope), lambda: self._type_of(expr, scope, depth), None, depth)

    def _type_of(self, expr: ast.AST, scope: Scope, depth: int) -> str | None:
        if isinstance(expr, ast.Call):
            return self._call_type(expr, scope, depth)
        if isinstance(expr, ast.Name):
            return self._name_type(expr, scope, depth)
        if isinstance(expr, ast.Attribute):
            owner = self.type_of(expr.value, scope, depth + 1)
            if owner is not None:
                return self.attribute_type(owner, expr.attr, depth) or self.functions.bound_method(
                    self.method(owner, expr.attr))
            name = self.qualified(expr, scope)
            return self.symbol_type(name, depth) if name else None
        if isinstance(expr, ast.Subscript):
            if passed := self.arguments.keyword_type(expr.value, expr.slice, scope, depth + 1):
                return passed
            if isinstance(expr.slice, ast.Constant) and isinstance(expr.slice.value, str) and (
                    held := keyed_values(self, expr.value, expr.slice.value, scope, depth)) is not None:
                return union(t for t in (self.type_of(v, where, depth + 1) for v, where in held) if t)
            owner = self.type_of(expr.value, scope, depth + 1)
            return element_of(owner) or (self.catalogue.returns.get(f"{owner}.__getitem__") if owner else None)
        if isinstance(expr, (ast.Tuple, ast.List, ast.Set, ast.Dict)):
            # ``(self.whisper, self.piper)``, ``{"paid": self.on_paid}``: a container of each value.
            values = display_values(expr) if isinstance(expr, ast.Dict) else expr.elts
            return container_of(union(t for t in (self.type_of(e, scope, depth + 1) for e in values) if t))
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Div):
            left = self.type_of(expr.left, scope, depth + 1)
            return left if left == "pathlib.Path" else self.catalogue.returns.get(f"{left}.__truediv__") if left else None
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.BitOr):
            left = self.type_of(expr.left, scope, depth + 1)  # ``prompt | llm``: LangChain ``__or__`` entries
            piped = self.catalogue.returns.get(f"{left}.__or__") if left else None
            right = None if piped else self.type_of(expr.right, scope, depth + 1)  # asked only when needed
            return piped or (self.catalogue.returns.get(f"{right}.__ror__") if right else None)
        if isinstance(expr, (ast.IfExp, ast.BoolOp)) and not isinstance(getattr(expr, "op", None), ast.And):
            # ``A() if flag else B()``, ``client or OpenAI()``: the value is one of the branches.
            branches = [expr.body, expr.orelse] if isinstance(expr, ast.IfExp) else expr.values
            return union(t for t in (self.type_of(b, scope, depth + 1) for b in branches) if t is not None)
        if isinstance(expr, ast.Await):
            if isinstance(expr.value, ast.Call):
                target = self.call_target(expr.value, scope, depth + 1)
                function = target.function if target is not None else None
                if function is not None and function.is_async and function.node.returns is None:
                    return self.declared.returned_type(function, depth + 1, awaited=True)
            return self.type_of(expr.value, scope, depth + 1)
        return None

    def _call_type(self, call: ast.Call, scope: Scope, depth: int) -> str | None:
        if isinstance(call.func, ast.Subscript) and (made := self.generic_class(call.func, scope)):
            return made
        callee = self.qualified(call.func, scope)
        if callee in CASTS and len(call.args) == 2:
            return cast_type(self, call, scope, depth)
        if callee is not None and callee not in HEADER_READERS and in_memory(self, callee, call, scope):
            return None
        if callee is not None:
            symbol = self.project_symbol(callee)
            if symbol is not None and symbol.kind == "class":
                return f"{symbol.module.name}.{symbol.qualname}"
        target = self.call_target(call, scope, depth)
        if target is not None and target.function is not None and target.module is not None:
            if isinstance(call.func, ast.Call) and wrapped_generator(self, call, scope) is not None:
                return self.declared.yielded_type(target.function, depth)  # ``asynccontextmanager(f)()``
            return type_variable_class(self, call, target.function, scope, depth) \
                or self.declared.passed_through(call, target.function, scope, depth) \
                or self.declared.function_returns(target.function, depth)
        if target is not None and target.alternatives and all(t.function is not None for t in target.alternatives):
            # One of several project methods runs (implementations, a union receiver): what each gives.
            returned = (self.declared.function_returns(t.function, depth) for t in target.alternatives if t.function)
            return union(t for t in returned if t is not None)
        callee = self.qualified(call.func, scope)
        if callee is not None:
            found = self.catalogue.type_of_call(callee, call)
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
                return self.arguments.keyword_type(call.func.value, call.args[0], scope, depth + 1) \
                    if call.func.attr == "get" and call.args else None
            if element := element_of(owner):  # ``clients.get(name)``, ``clients.pop(name)``: an element
                return element if call.func.attr in {"get", "pop", "setdefault"} else None
            result = self.returns_of(owner, call.func.attr)
            if result is not None and result.startswith(PASSED_CLASS):
                return passed_class(self, call, int(result[len(PASSED_CLASS):]), scope, depth)
            if result is None and owner in self.catalogue.classes:
                result = self.catalogue.returns.get(f"{owner}.*()")  # ``service.files()``
            if result is not None and f"{result}.__call__" in self.catalogue.returns:
                # A typed attribute that is itself called: ``v2.services("VA")``.
                return self.catalogue.returns[f"{result}.__call__"]
            if result is None and "|" not in owner and owner not in self.catalogue.classes:
                # A factory kept on an object: ``self.Session = sessionmaker(...)``, then ``self.Session()``.
                factory = self.attribute_type(owner, call.func.attr, depth + 1)
                return self.catalogue.returns.get(f"{factory}.__call__") if factory is not None else None
            return result
        owner = self.type_of(call.func, scope, depth + 1)  # ``SessionLocal()``, ``SessionLocal = sessionmaker()``
        return self.catalogue.returns.get(f"{owner}.__call__") if owner is not None else None

    def _name_type(self, expr: ast.Name, scope: Scope, depth: int) -> str | None:
        found = scope.lookup(expr.id)
        if found is None:
            return union(comprehension_types(self, expr.id, scope, depth))
        owner, bindings = found
        # A name its bindings leave untyped may be asserted: ``_validate_store(store)``.
        bound = self.bindings_type(bindings, owner, depth, expr, scope) or self.assertions.asserted_type(expr.id, owner, depth)
        if expr.id not in scope.comprehension_targets:
            return bound
        # A comprehension's own name shadows the others while it runs (``[c.recv() for c in conns]``
        # beside a ``def c``, or a ``for c, x in ...`` loop): what it iterates, and what the function's
        # own bindings of the name give.
        iterated = comprehension_types(self, expr.id, scope, depth)
        return union([*iterated, bound] if bound and owner is scope else iterated) or bound

    def bindings_type(self, bindings: list[Binding] | tuple[Binding, ...], owner: Scope, depth: int,
                      expr: ast.Name | None = None, scope: Scope | None = None) -> str | None:
        """What a name bound these ways holds: the union of the types its bindings give.

        A binding of unknown type (``client = None``, ``client = cache.get(k)``) adds nothing: used as a
        client, the name holds one of the clients assigned to it. A parameter whose annotation names
        no type (``func: Handler``, an alias of ``Callable[...]``) is typed by its callers."""
        types: set[str | None] = set()
        for binding in bindings:
            if binding.kind == "instance":
                types.add(binding.target)
            elif binding.kind == "value" and isinstance(binding.node, ast.expr) and expr is not None \
                    and is_empty_or_display(binding.node):
                types.add(self._filled_container(expr.id, binding.node, owner, depth + 1))
            elif binding.kind == "value" and binding.node is not None:
                where = binding.origin.scope if binding.origin is not None else owner
                types.add(self.type_of(binding.node, where, depth + 1))
            elif binding.kind == "annotation" and binding.node is not None:
                declared = self.annotation_type(binding.node, owner, depth + 1)
                if binding.default is not None and self.declared.depends_on(binding.default, owner) is not None:
                    declared = self.declared.provided_type(declared, binding.default, owner.parent or owner, depth + 1)
                elif expr is not None and declared is not None and self.declared.names_interface(declared):
                    declared = self.arguments.passed_implementations(declared, expr.id, owner, depth)
                elif declared is None and expr is not None and (passed := parameter_binding(owner, expr.id)) \
                        and passed.node is not None \
                        and self.declared.stands_for_passed(binding.node, owner, passed.node, expr.id):
                    position, argument = passed.target.split(":", 1)
                    declared = self.arguments.parameter_type(passed.node, argument, int(position), depth + 1)
                types.add(declared)
            elif binding.kind == "unpack" and binding.node is not None:
                types.add(self.declared.unpacked_type(binding.node, int(binding.target), owner, depth + 1))
            elif binding.kind == "parameter" and binding.node is not None:
                index, parameter = binding.target.split(":", 1)
                types.add(self.arguments.parameter_type(binding.node, parameter, int(index), depth + 1))
            elif binding.kind == "default" and isinstance(binding.node, ast.expr):
                types.add(self.declared.dependency_type(binding.node, owner.parent or owner, depth + 1))
            elif binding.kind == "import" and isinstance(binding.node, ast.Import):
                types.add(module_type(binding.target))
            elif binding.kind in {"import", "class"} and expr is not None and scope is not None:
                name = self.qualified(expr, scope)
                types.add(self.symbol_type(name, depth) if name else None)
            elif binding.kind == "function" and isinstance(binding.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                types.add(decorated_type(self, binding.node, owner, depth) or self.functions.type_of_node(binding.node))
            elif binding.kind == "element" and isinstance(binding.node, ast.expr):
                types.add(self.element_type(binding.node, owner, depth + 1))
            else:
                types.add(None)
        return union(t for t in types if t is not None)

    def _filled_container(self, name: str, display: ast.expr, owner: Scope, depth: int) -> str | None:
        """A dict or list made by a display and filled by ``name[key] = value`` (``workers = {}``,
        then ``workers[model] = ModelWorker(...)`` at start-up): its elements are the union of
        what the display and every such assignment put in it, in the scope that binds it and,
        for a module's name, in the module's functions that do not bind it themselves."""
        stored: list[tuple[ast.expr, Scope]] = [(v, owner) for v in display_values(display)]
        stored += [(v, owner) for v in owner.item_sets.get(name, ())]
        module = self.index.module(owner.module) if owner.parent is None else None
        for function in module.functions if module is not None else ():
            scope = function.scope
            if name in scope.item_sets and (name not in scope.bindings or name in scope.globals_):
                stored += [(v, scope) for v in scope.item_sets[name]]
        return container_of(union(t for t in (self.type_of(v, where, depth + 1) for v, where in stored[:16])
                                  if t is not None))

    def element_type(self, iterated: ast.expr, scope: Scope, depth: int) -> str | None:
        """What a loop over ``iterated`` (a container, or its ``.values()``) binds its name to."""
        if isinstance(iterated, ast.Call) and isinstance(iterated.func, ast.Attribute) and not iterated.args \
                and iterated.func.attr == "values":
            iterated = iterated.func.value
        return element_of(self.type_of(iterated, scope, depth + 1))

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
            return decorated_type(self, symbol.function.node, symbol.function.enclosing, depth) \
                or self.functions.type_of_function(symbol.function)
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

    def _local_function(self, name: str, scope: Scope) -> CallTarget | None:
        """A function defined inside a function and called there (``def run(): ...; run()``):
        a helper like any other. Handed to a thread as a value, it is not a call at all."""
        found = scope.lookup(name)
        made = class_of_classmethod(found, name)
        if made is not None:
            return self.constructor(made)  # ``cls(engine)`` in a ``@classmethod`` makes the class
        if found is not None and len(found[1]) == 1 and found[1][0].kind == "parameter":
            return self.arguments.passed_callable(found[1][0])
        if found is not None and len(found[1]) == 1 and isinstance(found[1][0].node, ast.Call) \
                and getattr_parts(found[1][0].node, found[0]) is not None:
            return dispatched(self, found[1][0].node, found[0])  # ``fn = getattr(db, name); fn()``
        if found is None or found[0].parent is None or len(found[1]) != 1 or found[1][0].kind != "function":
            return None
        node = found[1][0].node
        function = self.index.defined(node) if node is not None else None
        if function is None:
            return None
        return CallTarget(function.qualname, function=function, module=self.index.owner(function))

    def _function_value(self, func: ast.expr, scope: Scope, depth: int) -> CallTarget | None:
        """A called value that holds project functions (see :mod:`.function_values`)."""
        held = self.type_of(func, scope, depth + 1)
        called = self.functions.targets(held)
        # ``classifier(text)`` on a pipeline: the type's own ``__call__`` entry (``Type.*`` does not cover it).
        api = self.catalogue.apis.get(f"{held}.__call__") if called is None and held is not None else None
        if api is None and called is None and held is not None and holds_instance(func, scope) \
                and all(self.project_symbol(member) is not None for member in members(held)):
            # ``llama_proxy(name)``: a project object's own ``__call__`` (of each class it may be).
            return self.method(held, "__call__")
        return CallTarget(f"{held}.__call__", api=api) if api is not None else called

    def call_target(self, call: ast.Call, scope: Scope, depth: int = 0) -> CallTarget | None:
        if isinstance(call.func, ast.Name) and (decorator := wrapped_by(call.func.id, scope)) is not None:
            return self.arguments.applied_by_hand(decorator, call.func.id)  # a wrapper calling what it wraps
        callee = self.qualified(call.func, scope)
        if callee is not None:
            api = self.catalogue.api(callee)
            if api is not None:
                api = as_called(api, call, scope)
                blocks = api is not None and not in_memory(self, callee, call, scope)
                return CallTarget(callee, api=api) if blocks else None
            symbol = self.project_symbol(callee)
            if symbol is not None and symbol.kind == "function" and symbol.function is not None:
                return CallTarget(symbol.qualname, function=symbol.function, module=symbol.module)
            if symbol is not None and symbol.kind == "class":
                return self.constructor(f"{symbol.module.name}.{symbol.qualname}")
            if isinstance(call.func, ast.Name):
                return self._function_value(call.func, scope, depth)
        elif isinstance(call.func, ast.Name):
            return self._local_function(call.func.id, scope) or self._function_value(call.func, scope, depth)
        elif isinstance(call.func, ast.Call):
            return dispatched(self, call.func, scope) or wrapped_generator(self, call, scope) \
                or self._function_value(call.func, scope, depth)
        elif isinstance(call.func, ast.Subscript):  # ``HANDLERS[name]()``, or ``Executor[Model](...)``
            made = self.generic_class(call.func, scope)
            return self.constructor(made) if made else self._function_value(call.func, scope, depth)
        if isinstance(call.func, ast.Attribute) and is_super(call.func.value):
            return self._super_method(scope, call.func.attr)
        if isinstance(call.func, ast.Attribute):
            owner = self.type_of(call.func.value, scope, depth + 1)
            if owner is not None:
                target = self.method(owner, call.func.attr)
                if target is None and isinstance(call.func.value, ast.Name) and call.func.value.id == "self" \
                        and self.project_symbol(owner) is not None:
                    target = self.mixed_in_method(owner, call.func.attr)
                if target is not None and target.api is not None:
                    api = as_called(target.api, call, scope)
                    return replace(target, api=api) if api is not None else None
                if target is not None and target.alternatives and all(t.api for t in target.alternatives):
                    # A receiver of several library types: each entry as this call's arguments make it.
                    kept = [replace(t, api=a) for t in target.alternatives
                            if t.api is not None and (a := as_called(t.api, call, scope)) is not None]
                    return None if not kept else kept[0] if len(kept) == 1 else replace(target, alternatives=tuple(kept))
                # ``self.ManagedSessionMaker()``: a function kept on the object.
                return target or self._function_value(call.func, scope, depth)
        return None
