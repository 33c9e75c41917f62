"""What a process-wide object holds from its constructor call, for its methods' branches.

``oidc_cache = DualCache()`` at module level, whose ``__init__`` sets ``self.redis_cache =
redis_cache`` from a parameter the call leaves at its default ``None``: in
``oidc_cache.get_cache(key)``, ``if self.redis_cache is not None:`` is never taken, and
the Redis round trip under it never runs. The attribute is decided as a literal argument
decides a helper's branch (:func:`.frames.call_constants`), and only when nothing else can
set it on that object: ``__init__`` sets it once, no other method that sets it is called on
the object, and the object is never handed on: wherever its name appears, it is the
receiver of a call.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from .children import walk_nodes
from .definitions import DefinedFunction
from .frames import Known, passed_arguments
from .scope import Scope, parameter_defaults

if TYPE_CHECKING:
    from .resolver import Resolver

_UNDECIDED = object()


def instance_constants(call: ast.Call, method: DefinedFunction, scope: Scope, resolver: Resolver,
                       memo: dict[tuple[int, int], Known]) -> Known:
    """``("self.attr", value)`` for the attributes ``method`` tests in its branches that the
    object ``call`` is made on holds, unchangeably, from its constructor call."""
    if method.owner_class is None or not isinstance(call.func, ast.Attribute) \
            or not isinstance(call.func.value, ast.Name):
        return ()
    positional = [*method.node.args.posonlyargs, *method.node.args.args]
    # The receiver first (a lookup), the method's tests only then (a walk of its body).
    made = _made_once_at_module_level(call.func.value.id, scope) if positional else None
    if made is None:
        return ()
    key = (id(made), id(method.node))
    if key not in memo:
        tested = _tested_attributes(method.node, positional[0].arg)
        memo[key] = _constants(made, call.func.value.id, method, positional[0].arg, tested, scope, resolver) \
            if tested else ()
    return memo[key]


def _constants(made: ast.Call, receiver: str, method: DefinedFunction, self_name: str, tested: set[str],
               scope: Scope, resolver: Resolver) -> Known:
    module = resolver.index.owner(method)
    class_name = resolver.qualified(made.func, scope)
    symbol = resolver.project_symbol(class_name) if class_name else None
    if module is None or symbol is None or symbol.kind != "class" or not isinstance(symbol.node, ast.ClassDef) \
            or f"{symbol.module.name}.{symbol.qualname}" != f"{module.name}.{method.owner_class}":
        return ()
    init = symbol.module.by_qualname.get(f"{symbol.qualname}.__init__")
    called = _called_on(receiver, scope, resolver)
    if init is None or called is None:
        return ()
    # The class and its project bases: a setter they define may be called on the object, by
    # name or by another of their methods on ``self`` (counted as called, whoever calls it).
    classes = [node for _module, _qualname, node in resolver.class_chain(f"{symbol.module.name}.{symbol.qualname}")]
    called |= {n.func.attr for c in classes for n in walk_nodes(c) if isinstance(n, ast.Call)
               and isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name) and n.func.value.id == "self"}
    known: list[tuple[str, object]] = []
    for attribute in sorted(tested):
        value = _set_by_constructor(classes or [symbol.node], init, made, attribute, called)
        if value is not _UNDECIDED:
            known.append((f"{self_name}.{attribute}", value))
    return tuple(known)


def _tested_attributes(function: ast.AST, self_name: str) -> set[str]:
    """The ``self.x`` a function's ``if``/``while`` tests read."""
    found: set[str] = set()
    for node in walk_nodes(function):
        if isinstance(node, (ast.If, ast.While, ast.IfExp)):
            found |= {n.attr for n in walk_nodes(node.test) if isinstance(n, ast.Attribute)
                      and isinstance(n.value, ast.Name) and n.value.id == self_name}
    return found


def _made_once_at_module_level(name: str, scope: Scope) -> ast.Call | None:
    """The constructor call a module-level name is bound to, once (``x: Final = Cache()``)."""
    found = scope.lookup(name)
    if found is None or found[0].parent is not None:
        return None
    values = [b for b in found[1] if b.kind == "value"]
    if len(values) != 1 or any(b.kind not in {"value", "annotation"} for b in found[1]) \
            or not isinstance(values[0].node, ast.Call):
        return None
    return values[0].node


def _called_on(receiver: str, scope: Scope, resolver: Resolver) -> set[str] | None:
    """The methods called on the module-level object named ``receiver``, in every module that
    names it; ``None`` when one uses the name otherwise (passes it on, reads an attribute, binds
    it elsewhere): the object may then be changed where the analysis does not look."""
    own = resolver.index.module(scope.module)
    modules = resolver.hierarchy.modules_containing(receiver)
    called: set[str] = set()
    if own is None or sum(isinstance(n, ast.Name) and n.id == receiver and isinstance(n.ctx, ast.Store)
                          for n in walk_nodes(own.tree)) != 1:
        return None  # bound again (``global cache; cache = Other()`` in a function)
    for info in [own, *(info for info in modules if info is not own)]:
        receivers: set[int] = set()
        for node in walk_nodes(info.tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == receiver:
                receivers.add(id(node.func.value))
                called.add(node.func.attr)
        for node in walk_nodes(info.tree):
            if isinstance(node, ast.Name) and node.id == receiver and id(node) not in receivers \
                    and isinstance(node.ctx, ast.Load):
                return None
    return called


def _set_by_constructor(classes: list[ast.ClassDef], init: DefinedFunction, made: ast.Call, attribute: str,
                        called: set[str]) -> object:
    """The literal ``self.<attribute>`` holds after ``made``: set once by the class's own
    ``__init__`` (to a literal, or to a parameter the call passes a literal for or leaves at a
    literal default), and by no method called on the object (nor by a base's ``__init__``)."""
    in_init: list[ast.expr] = []
    functions = [f for c in classes for f in c.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))]
    for function in functions:
        for node in walk_nodes(function):
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
            if not any(isinstance(t, ast.Attribute) and t.attr == attribute for t in targets):
                continue
            if function is not init.node:
                if function.name in called or function.name == "__init__":
                    return _UNDECIDED
                continue
            if not isinstance(node, ast.Assign) or len(targets) != 1:
                return _UNDECIDED
            in_init.append(node.value)
    if len(in_init) != 1:
        return _UNDECIDED
    value: ast.expr | None = in_init[0]
    if isinstance(value, ast.Name):
        passed = passed_arguments(made, init)
        starred = any(isinstance(a, ast.Starred) for a in made.args) or any(k.arg is None for k in made.keywords)
        value = passed.get(value.id) or (None if starred else parameter_defaults(init.node.args).get(value.id))
    return value.value if isinstance(value, ast.Constant) else _UNDECIDED
