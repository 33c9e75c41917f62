"""Name resolution on the standard-library ``ast``: what a name means where it is used.

The analysis must resolve ``r.get`` to ``requests.get`` after ``import requests
as r``, and must *not* when a local ``requests = {...}`` shadows the import
(flake8-async's false alarm). libcst's QualifiedNameProvider does this too, but
is ~80x slower than ``ast``; this module does the part we need: bindings per
scope (module, function), imports (also function-local ones), parameters and
their annotations, and the type a name holds when every binding agrees.
:mod:`.names` reads these scopes to say what a dotted expression names.

A name bound several ways resolves to nothing: we never guess.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any

from .children import child_nodes
from .loop_targets import loop_elements

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef
_NESTED_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


@dataclass(frozen=True, slots=True)
class Binding:
    """One way a name gets bound in a scope.

    ``kind`` is ``import`` (``target`` is the imported qualified name; ``node`` is the
    ``import`` statement when it binds a module),
    ``value`` (``node`` is the assigned expression), ``annotation`` (``node``
    is the annotation), ``unpack`` (element ``int(target)`` of ``node``: ``a, b = f()``),
    ``function``/``class`` (``node`` is the definition), ``parameter`` (an
    unannotated parameter of the function ``node``; ``target`` is ``position:name``) or
    ``other`` (loop targets, ``except ... as``, unpacking: meaning unknown).

    Slotted: a large application's scopes hold ninety thousand of them.
    """

    kind: str
    target: str = ""
    node: ast.AST | None = None
    #: For a module-level name assigned inside a function under ``global``: that function
    #: (a :class:`~.definitions.DefinedFunction`), whose scope the value is read in.
    origin: Any = field(default=None, compare=False)
    #: For an annotated parameter: its default (``Depends(get_service)``), which may say more.
    default: ast.expr | None = field(default=None, compare=False)


@dataclass(slots=True)
class Scope:
    """Bindings of one module or function body (class bodies are not scopes for lookup).

    Slotted, with immutable ``globals_`` and ``star_imports`` (empty in nearly every scope:
    one shared empty value instead of a set and a list each): every function the
    analysis looks into keeps its scope, eight thousand of them on agno.
    """

    module: str
    bindings: dict[str, list[Binding]] = field(default_factory=dict)
    parent: Scope | None = None
    globals_: frozenset[str] = frozenset()
    #: Modules imported with ``from x import *`` (names may come from there).
    star_imports: tuple[str, ...] = ()
    #: ``name[key] = value`` statements of this body: name -> the values stored.
    item_sets: dict[str, list[ast.expr]] = field(default_factory=dict)
    #: The function whose body this is (``None`` for a module).
    function: ast.AST | None = None
    #: Names a comprehension of this body iterates with -> what they iterate over. Kept
    #: apart from ``bindings``: such a name is not visible outside its comprehension.
    comprehension_targets: dict[str, list[ast.expr]] = field(default_factory=dict)
    #: The module is a package's ``__init__``: ``from .x import y`` there, at any depth of
    #: its functions, imports from the package itself, not from the one above.
    is_package: bool = False

    def add(self, name: str, binding: Binding) -> None:
        # A new list of exactly its size: one grown by appends keeps room for three more, and
        # nearly every name is bound once (90,000 of them in agno's scopes).
        found = self.bindings.get(name)
        self.bindings[name] = [binding] if found is None else [*found, binding]

    def lookup(self, name: str) -> tuple[Scope, list[Binding]] | None:
        """The scope that binds ``name`` and its bindings (``None`` if unbound)."""
        if name in self.globals_ and self.parent is not None:
            root = self
            while root.parent is not None:
                root = root.parent
            return (root, root.bindings[name]) if name in root.bindings else None
        if name in self.bindings:
            return self, self.bindings[name]
        return self.parent.lookup(name) if self.parent is not None else None


def _resolve_relative(module: str, level: int, name: str | None, is_package: bool) -> str:
    """``from ..x import y`` inside ``module`` -> absolute dotted prefix."""
    parts = module.split(".") if module else []
    if not is_package:
        parts = parts[:-1]
    if level > 1:
        parts = parts[: len(parts) - (level - 1)] if level - 1 <= len(parts) else []
    base = ".".join(parts)
    if name:
        return f"{base}.{name}" if base else name
    return base


class _Binder(ast.NodeVisitor):
    """Collects the bindings of one scope without entering nested scopes."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope

    # Nested scopes: bind the name, do not enter the body.
    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.scope.add(node.name, Binding("function", node=node))
        for decorator in node.decorator_list:
            self.visit(decorator)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self.scope.add(node.name, Binding("function", node=node))
        for decorator in node.decorator_list:
            self.visit(decorator)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.scope.add(node.name, Binding("class", node=node))

    def visit_Lambda(self, node: ast.Lambda) -> None:
        return

    def _comprehension(self, node: ast.AST) -> None:
        # Comprehension targets live in their own scope, but ``:=`` binds in this one.
        stack = child_nodes(node)
        while stack:
            child = stack.pop()
            if isinstance(child, (ast.Lambda, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            if isinstance(child, ast.NamedExpr) and isinstance(child.target, ast.Name):
                self.scope.add(child.target.id, Binding("other"))
            for name, iterated in (loop_elements(child.target, child.iter) if isinstance(child, ast.comprehension) else {}).items():
                self.scope.comprehension_targets.setdefault(name, []).append(iterated)
            stack.extend(child_nodes(child))

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _comprehension

    def visit_Global(self, node: ast.Global) -> None:
        self.scope.globals_ |= frozenset(node.names)

    def visit_Nonlocal(self, node: ast.Nonlocal) -> None:
        for name in node.names:
            self.scope.add(name, Binding("other"))

    def visit_Import(self, node: ast.Import) -> None:
        # ``node`` marks the name as a module's (``from x import y`` may bind a class).
        for alias in node.names:
            if alias.asname:
                self.scope.add(alias.asname, Binding("import", target=alias.name, node=node))
            else:
                top = alias.name.split(".", 1)[0]
                self.scope.add(top, Binding("import", target=top, node=node))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            base = _resolve_relative(self.scope.module, node.level, node.module, self.scope.is_package)
        else:
            base = node.module or ""
        for alias in node.names:
            if alias.name == "*":
                self.scope.star_imports += (base,)
                continue
            target = f"{base}.{alias.name}" if base else alias.name
            self.scope.add(alias.asname or alias.name, Binding("import", target=target))

    def _bind_target(self, target: ast.AST, value: ast.AST | None) -> None:
        if isinstance(target, ast.Name):
            self.scope.add(target.id, Binding("value", node=value) if value is not None else Binding("other"))
        elif isinstance(target, (ast.Tuple, ast.List)):
            starred = any(isinstance(e, ast.Starred) for e in target.elts)
            if (isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(target.elts) and not starred
                    and not any(isinstance(e, ast.Starred) for e in value.elts)):
                for element, part in zip(target.elts, value.elts):
                    self._bind_target(element, part)  # ``a, b = X(), Y()``
                return
            for index, element in enumerate(target.elts):
                if isinstance(element, ast.Name) and value is not None and not starred:
                    # ``args, store = build()``: the resolver reads element ``index`` of what it gives.
                    self.scope.add(element.id, Binding("unpack", target=str(index), node=value))
                else:
                    self._bind_target(element, None)
        elif isinstance(target, ast.Starred):
            self._bind_target(target.value, None)
        # Attribute and subscript targets bind no name.

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self._bind_target(target, node.value)
            if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
                self.scope.item_sets.setdefault(target.value.id, []).append(node.value)
        self.visit(node.value)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if isinstance(node.target, ast.Name):
            self.scope.add(node.target.id, Binding("annotation", node=node.annotation))
            if node.value is not None:
                self.scope.add(node.target.id, Binding("value", node=node.value))
        if node.value is not None:
            self.visit(node.value)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        if isinstance(node.target, ast.Name):
            self.scope.add(node.target.id, Binding("other"))
        self.visit(node.value)

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self.scope.add(node.target.id, Binding("value", node=node.value))
        self.visit(node.value)

    def _loop(self, node: ast.For | ast.AsyncFor) -> None:
        elements = node.iter.elts if isinstance(node.iter, (ast.Tuple, ast.List, ast.Set)) else []
        if isinstance(node.target, ast.Name) and elements and not any(isinstance(e, ast.Starred) for e in elements):
            # ``for storage in (self.docs, self.graph): await storage.initialize()``: the name
            # holds each element in turn, so its type is theirs together.
            for element in elements:
                self.scope.add(node.target.id, Binding("value", node=element))
        elif isinstance(node.target, ast.Name) and isinstance(node.iter, (ast.Name, ast.Attribute, ast.Subscript,
                                                                            ast.Call)):
            # ``for hook in STARTUP_HOOKS:``: the name holds each element of the container.
            self.scope.add(node.target.id, Binding("element", node=loop_elements(node.target, node.iter)[node.target.id]))
        elif not isinstance(node.target, ast.Name) and (elements_of := loop_elements(node.target, node.iter)):
            self._bind_target(node.target, None)  # each name unknown, but ``upload`` of ``enumerate(files)``:
            for name, container in elements_of.items():
                self.scope.add(name, Binding("element", node=container))
        else:
            self._bind_target(node.target, None)
        self.generic_visit(node)

    visit_For = visit_AsyncFor = _loop

    def visit_Call(self, node: ast.Call) -> None:
        # ``hooks.append(f)``: stored in ``hooks`` like ``hooks[key] = f`` (see :mod:`.function_values`).
        if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
            stored = stored_values(node)
            if stored:
                self.scope.item_sets.setdefault(node.func.value.id, []).extend(stored)
        self.generic_visit(node)

    def _with(self, node: ast.With | ast.AsyncWith) -> None:
        for item in node.items:
            if item.optional_vars is not None:
                # ``with X() as v`` binds whatever __enter__ returns; for the
                # clients we know (Session, Client, open) that is the instance.
                self._bind_target(item.optional_vars, item.context_expr)
        self.generic_visit(node)

    visit_With = visit_AsyncWith = _with

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        if node.name:
            self.scope.add(node.name, Binding("other"))
        self.generic_visit(node)

    def visit_Delete(self, node: ast.Delete) -> None:
        for target in node.targets:
            if isinstance(target, ast.Name):
                self.scope.add(target.id, Binding("other"))

    def visit_MatchAs(self, node: ast.MatchAs) -> None:
        if node.name:
            self.scope.add(node.name, Binding("other"))
        self.generic_visit(node)

    def visit_MatchStar(self, node: ast.MatchStar) -> None:
        if node.name:
            self.scope.add(node.name, Binding("other"))

    def visit_MatchMapping(self, node: ast.MatchMapping) -> None:
        if node.rest:
            self.scope.add(node.rest, Binding("other"))
        self.generic_visit(node)


def module_scope(tree: ast.Module, module: str = "", is_package: bool = False) -> Scope:
    scope = Scope(module=module, is_package=is_package)
    binder = _Binder(scope)
    for statement in tree.body:
        binder.visit(statement)
    return scope


#: Methods that put their argument(s) in the container they are called on.
STORING = frozenset({"append", "appendleft", "add", "insert", "extend"})


def stored_values(call: ast.Call) -> list[ast.expr]:
    """What ``items.append(f)``, ``items.insert(0, f)`` or ``items.extend([f, g])`` stores."""
    if not isinstance(call.func, ast.Attribute) or call.func.attr not in STORING or call.keywords:
        return []
    if call.func.attr == "insert":
        return call.args[1:2]
    if call.func.attr == "extend":
        display = call.args[0] if len(call.args) == 1 else None
        return list(display.elts) if isinstance(display, (ast.List, ast.Tuple, ast.Set)) else []
    return call.args[:1] if len(call.args) == 1 else []


def parameter_names(args: ast.arguments) -> set[str]:
    """Every parameter a function (or lambda) binds, ``*args`` and ``**kwargs`` included."""
    return {a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg) if a}


def parameter_defaults(args: ast.arguments) -> dict[str, ast.expr]:
    """Parameter name -> its default expression (positional defaults belong to the last ones)."""
    positional = [a.arg for a in (*args.posonlyargs, *args.args)]
    defaults: dict[str, ast.expr] = dict(zip(positional[len(positional) - len(args.defaults):], args.defaults))
    defaults.update({a.arg: d for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None})
    return defaults


def parameter_binding(scope: Scope, name: str) -> Binding | None:
    """The parameter ``name`` is, of the function whose body ``scope`` is or of one around it (a
    closure), as a ``parameter`` binding (``target`` "position:name", numbered as
    :func:`function_scope` numbers them; ``node`` the function), whether annotated or not."""
    bound = scope.lookup(name)
    if bound is None or len(bound[1]) != 1 or bound[1][0].kind not in {"parameter", "annotation"}:
        return None
    if bound[1][0].kind == "parameter":
        return bound[1][0]
    function = bound[0].function
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        return None
    args = function.args
    positional = [*args.posonlyargs, *args.args]
    for index, arg in enumerate((*positional, *args.kwonlyargs)):
        if arg.arg == name and arg.annotation is bound[1][0].node:
            return Binding("parameter", target=f"{index if index < len(positional) else -1}:{name}", node=function)
    return None


#: Annotations that say nothing of which object a parameter holds: ``x: Any``. The parameter is
#: typed by its callers, as if bare (``Callable`` only where a decorator returns what it is
#: given, see :meth:`.declared.DeclaredTypes.stands_for_passed`).
_SAYS_NOTHING = frozenset({"Any", "object"})


def _says_nothing(annotation: ast.expr) -> bool:
    return annotation_name(annotation) in _SAYS_NOTHING


def annotation_name(annotation: ast.AST) -> str | None:
    """The last name an annotation spells, without its arguments: ``Callable`` of
    ``typing.Callable[[Event], None]`` (or of the same in a string)."""
    if isinstance(annotation, ast.Subscript):
        annotation = annotation.value
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        return annotation.value.split("[", 1)[0].rsplit(".", 1)[-1]
    return annotation.attr if isinstance(annotation, ast.Attribute) else getattr(annotation, "id", None)


def function_scope(func: FunctionNode | ast.Lambda, parent: Scope) -> Scope:
    scope = Scope(module=parent.module, parent=parent, function=func, is_package=parent.is_package)
    args = func.args
    positional = [*args.posonlyargs, *args.args]
    defaults = parameter_defaults(args)
    for position, arg in enumerate((*positional, *args.kwonlyargs)):
        if arg.annotation is not None and not _says_nothing(arg.annotation):
            scope.add(arg.arg, Binding("annotation", node=arg.annotation, default=defaults.get(arg.arg)))
        elif isinstance(defaults.get(arg.arg), ast.Call):
            # ``db=Depends(get_db)``: typed by what the dependency returns (the resolver decides).
            scope.add(arg.arg, Binding("default", node=defaults[arg.arg]))
        else:
            # Typed, if at all, by what the callers pass (``target``: "position:name", -1 keyword-only).
            index = position if position < len(positional) else -1
            scope.add(arg.arg, Binding("parameter", target=f"{index}:{arg.arg}", node=func))
    for star in (args.vararg, args.kwarg):
        if star is not None:
            scope.add(star.arg, Binding("other"))
    if isinstance(func, ast.Lambda):
        return scope
    binder = _Binder(scope)
    for statement in func.body:
        binder.visit(statement)
    return scope

