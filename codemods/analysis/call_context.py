"""What a call tells the function it runs: the facts that make its analysis depend on the call.

Most of a helper's analysis is the same for every caller and is worked out once.
A few facts of the call change what runs in it, and go into the helper's
``Known`` (part of its memo key): literal arguments that decide its branches
(:func:`.frames.call_constants`), the project functions it is handed and calls
(``with_retry(count_keys, org)``), whether its caller iterates what it returns
(a generator it returns then runs), whether ``self`` was made for this call
(then a cache on it is filled on this call, not once per process), and the type
of an argument when it says more than the parameter's own type: a helper
annotated ``db: Session`` that this call hands an ``AsyncSession`` runs the
async session's methods, whatever its annotation claims, and an unannotated
parameter that callers fill with a ``Session`` here and an ``AsyncSession``
there holds, on each call, the one that call passes. Likewise ``self``: a method
a base class defines, called on an object of a subclass that overrides a method
the base's body calls on ``self``, runs the subclass's override
(``envs.NAME.get()`` on an ``EnvStr`` runs ``EnvStr.parse``, not every ``parse``).
"""

from __future__ import annotations

import ast
from dataclasses import replace

from .children import walk_nodes
from .classes import CallTarget, is_super
from .definitions import DefinedFunction
from .frames import (
    FRESH_SELF,
    RESULT_AWAITED,
    RESULT_ITERATED,
    Known,
    call_constants,
    isinstance_key,
    iter_calls_consumed,
    iter_loop_nodes,
    passed_arguments,
)
from .instance_state import instance_constants
from .resolver import Resolver
from .scope import Binding, Scope

#: A ``Known`` value that types a parameter for one call: ``("type", qualified name)``.
_TYPED = "type"


class CallContext:
    """Mixed into :class:`.blocking.BlockingAnalysis`."""

    resolver: Resolver
    #: id of a function node -> the target of a function passed as an argument.
    _passed_targets: dict[int, CallTarget]
    #: id of a function node -> whether it returns what a call gives.
    _returning: dict[int, bool]
    #: (id of a function node, the parameters a call types) -> the function's scope so typed.
    _typed_scopes: dict[tuple[int, Known], Scope]
    #: id of a function node -> the methods its body calls on ``self``.
    _self_calls: dict[int, frozenset[str]]
    #: id of a function node -> the plain names its body calls (``operation(...)``).
    _called_names: dict[int, frozenset[str]]
    #: id of a function node -> its ``isinstance(name, classes)`` tests.
    _isinstance_calls: dict[int, list[ast.Call]]
    #: (id of a module-level constructor call, id of a method node) -> what it decides there.
    _instance_constants: dict[tuple[int, int], Known]

    def callee_known(self, call: ast.Call, helper: DefinedFunction, scope: Scope | None, consumed: bool,
                     fresh: bool, awaited: bool = False) -> Known:
        known = list(call_constants(call, helper))
        if fresh:
            known.append(FRESH_SELF)
        if consumed and self._returns_call(helper):
            known.append(RESULT_ITERATED)
        if awaited and not helper.is_async and self._returns_call(helper):
            known.append(RESULT_AWAITED)
        if scope is not None:
            known += self._passed_callables(call, helper, scope)
            known += self._typed_arguments(call, helper, scope, {k for k, _v in known})
            known += self._isinstance_decided(call, helper, scope, {k for k, _v in known})
            known += self._receiver_class(call, helper, scope)
            known += instance_constants(call, helper, scope, self.resolver, self._instance_constants)
        return tuple(sorted(known, key=lambda k: k[0]))

    def scope_for(self, function: DefinedFunction, known: Known) -> Scope:
        """The scope a function's body is read in for a call: its own, with the parameters the
        call types (see :meth:`_typed_arguments`) bound to what the call passes."""
        typed = tuple((name, value) for name, value in known if isinstance(value, tuple) and value[:1] == (_TYPED,))
        if not typed:
            return function.scope
        key = (id(function.node), typed)
        scope = self._typed_scopes.get(key)
        if scope is None:
            bindings = dict(function.scope.bindings)
            for name, value in typed:
                bindings[name] = [Binding("instance", target=str(value[1]))]
            scope = self._typed_scopes[key] = replace(function.scope, bindings=bindings)
        return scope

    def _typed_arguments(self, call: ast.Call, helper: DefinedFunction, scope: Scope, taken: set[str]) -> Known:
        """The parameters this call types more narrowly than the helper says: the argument, a name
        its caller declares (see :func:`_declared_name`), holds a library object whose type is
        neither the parameter's (annotated, or the union of every caller's) nor a union wider
        than it. Library objects only: which of a library's classes a session or client is
        decides which API runs (sync or async), while a project class is already followed
        through its hierarchy; typing every argument of every call cost litellm a fifth more
        time. A parameter bound again in the body keeps its own bindings."""
        known: list[tuple[str, object]] = []
        classes = self.resolver.catalogue.classes
        for name, value in passed_arguments(call, helper).items():
            bindings = helper.scope.bindings.get(name, [])
            if name in taken or len(bindings) != 1 or bindings[0].kind not in {"annotation", "parameter", "default"} \
                    or not _declared_name(value, scope):
                continue
            passed = self.resolver.type_of(value, scope)
            if passed is None or not all(member in classes for member in passed.split("|")):
                continue  # only a library's objects: a project class is resolved through its hierarchy
            declared = self.resolver.bindings_type(bindings, helper.scope, 1)
            if declared is not None and passed != declared \
                    and not set(passed.split("|")) >= set(declared.split("|")):
                known.append((name, (_TYPED, passed)))
        return tuple(known)

    def _isinstance_decided(self, call: ast.Call, helper: DefinedFunction, scope: Scope, taken: set[str]) -> Known:
        """``isinstance(collection, AsyncIOMotorCollection)`` in the helper, where this call passes
        ``collection`` an object of that library class: true on this call (see
        :func:`.frames.isinstance_key`), and the parameter holds that class on it. Only ever
        true: whether one library class subclasses another is not known here."""
        tests = self._isinstance_tests(helper)
        passed = passed_arguments(call, helper) if tests else {}
        decided: list[tuple[str, object]] = []
        for test in tests:
            tested, classes = test.args
            assert isinstance(tested, ast.Name)
            bindings = helper.scope.bindings.get(tested.id, [])
            if tested.id not in passed or len(bindings) != 1 or bindings[0].kind not in {"annotation", "parameter"}:
                continue
            held = self.resolver.type_of(passed[tested.id], scope)
            if held is None or "|" in held or held not in self.resolver.catalogue.classes:
                continue
            named = classes.elts if isinstance(classes, ast.Tuple) else [classes]
            if any(self.resolver.qualified(c, helper.scope) == held for c in named):
                decided.append((isinstance_key(test), True))
                if tested.id not in taken:
                    taken.add(tested.id)
                    decided.append((tested.id, (_TYPED, held)))
        return tuple(decided)

    def _isinstance_tests(self, helper: DefinedFunction) -> list[ast.Call]:
        """The ``isinstance(name, classes)`` tests of the helper's own body."""
        found = self._isinstance_calls.get(id(helper.node))
        if found is None:
            found = self._isinstance_calls[id(helper.node)] = [
                node for node in iter_loop_nodes(helper.node.body, per_call=True)
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "isinstance"
                and len(node.args) == 2 and not node.keywords and isinstance(node.args[0], ast.Name)]
        return found

    def _receiver_class(self, call: ast.Call, helper: DefinedFunction, scope: Scope) -> Known:
        """``self`` typed by the object the call is made on, when that says which override runs:
        the receiver is an object of a project class (or a union of them: ``llm: OpenAIProvider |
        AnthropicProvider``), each a subclass of the method's own, one of which resolves a method
        the body calls on ``self`` to another function than the base does. A union then reaches
        the body's ``self._execute(task)`` as a union receiver does: blocking when one does.
        Only then: a key per receiver class for every inherited method would split the memo for
        nothing."""
        if helper.owner_class is None or not isinstance(call.func, ast.Attribute):
            return ()
        positional = [*helper.node.args.posonlyargs, *helper.node.args.args]
        own = helper.scope.bindings.get(positional[0].arg, []) if positional else []
        if len(own) != 1 or own[0].kind != "instance":
            return ()  # a staticmethod, or ``self`` bound again in the body
        receiver = _own_class(scope) if is_super(call.func.value) else self.resolver.type_of(call.func.value, scope)
        if receiver is None or receiver == own[0].target:
            return ()
        members = receiver.split("|")
        if set(members) & self.resolver.catalogue.classes \
                or not all(own[0].target in self._chain_names(member) for member in members):
            return ()  # not subclasses of the method's class
        # The methods the body calls on ``self``, and those they call on it in turn while they
        # are the base's own (``complete`` -> ``_with_retries`` -> ``_execute``), a few deep.
        pending, seen = list(self._self_called(helper, positional[0].arg)), set[str]()
        while pending and len(seen) < _OVERRIDE_SEARCH:
            name = pending.pop()
            if name in seen:
                continue
            seen.add(name)
            inherited = self.resolver.method(own[0].target, name)
            if inherited is None:
                continue
            overriding = [self.resolver.method(member, name) for member in members]
            if any(o is not None and _runs(o) != _runs(inherited) for o in overriding):
                return ((positional[0].arg, (_TYPED, receiver)),)
            if inherited.function is not None and not inherited.alternatives:
                params = [*inherited.function.node.args.posonlyargs, *inherited.function.node.args.args]
                pending += self._self_called(inherited.function, params[0].arg) if params else ()
        return ()

    def _chain_names(self, class_name: str) -> set[str]:
        """The receiver's classes, named as :func:`.definitions._bind_self` names a method's own."""
        return {f"{module.name}.{qualname}" if module.name else qualname
                for module, qualname, _node in self.resolver.class_chain(class_name)}

    def _self_called(self, helper: DefinedFunction, self_name: str) -> frozenset[str]:
        """The methods the helper's body calls on ``self`` (memoised per function)."""
        key = id(helper.node)
        names = self._self_calls.get(key)
        if names is None:
            names = self._self_calls[key] = frozenset(
                node.func.attr for node in walk_nodes(helper.node)
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == self_name)
        return names

    def _made_for_call(self, call: ast.Call, method: DefinedFunction, scope: Scope | None, fresh_self: bool) -> bool:
        """Whether the object a method runs on was made for this call: ``__init__`` runs on a new
        object; ``env = DotEnv(path)`` then ``env.load()``, or ``DotEnv(path).load()``;
        ``self.parse()`` inside a method whose ``self`` was. Its caches are filled on every
        such call, not once per process."""
        if method.node.name == "__init__":
            return True
        receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
        if isinstance(receiver, ast.Call) and scope is not None:
            return self.resolver.names_class(receiver.func, scope)  # ``Settings(path).get(key)``
        if not isinstance(receiver, ast.Name) or scope is None:
            return False
        if receiver.id == "self":
            return fresh_self
        found = scope.lookup(receiver.id)
        if found is None or found[0].parent is None or not found[1]:
            return False  # a module-level object lives as long as the process
        return all(b.kind == "value" and isinstance(b.node, ast.Call) and self.resolver.names_class(b.node.func, found[0])
                   for b in found[1])

    def _returns_call(self, function: DefinedFunction) -> bool:
        """``return make_batches()``: what the function returns may be a generator to iterate."""
        key = id(function.node)
        if key not in self._returning:
            self._returning[key] = any(isinstance(node, ast.Return) and isinstance(node.value, ast.Call)
                                       for node in iter_loop_nodes(function.node.body))
        return self._returning[key]

    def _passed_callables(self, call: ast.Call, helper: DefinedFunction, scope: Scope) -> Known:
        """The project functions a call hands a helper for the parameters the helper calls:
        ``with_retry(count_keys, org)`` runs ``count_keys`` where ``with_retry`` calls ``operation``."""
        passed = passed_arguments(call, helper)
        if not passed:
            return ()
        called = self._called_names.get(id(helper.node))
        if called is None:
            called = self._called_names[id(helper.node)] = frozenset(
                c.func.id for c, _a, _c in iter_calls_consumed(helper.node.body) if isinstance(c.func, ast.Name))
        known: list[tuple[str, object]] = []
        for name, value in passed.items():
            if name not in called:
                continue
            target = self.resolver.arguments.reference(value, scope)
            if target is not None and target.function is not None:
                self._passed_targets[id(target.function.node)] = target
                known.append((name, ("callable", id(target.function.node))))
        return tuple(known)

    def _known_callable(self, call: ast.Call, known: Known) -> CallTarget | None:
        if not known or not isinstance(call.func, ast.Name):
            return None
        value = dict(known).get(call.func.id)
        if isinstance(value, tuple) and value[:1] == ("callable",):
            return self._passed_targets.get(value[1])
        return None


def _own_class(scope: Scope) -> str | None:
    """The class ``self`` holds in a method's scope (as a call may have typed it): what
    ``super().method()`` runs on."""
    node = scope.function
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    positional = [*node.args.posonlyargs, *node.args.args]
    bindings = scope.bindings.get(positional[0].arg, []) if positional else []
    return bindings[0].target if len(bindings) == 1 and bindings[0].kind == "instance" else None


#: How many methods reached through ``self`` are compared for an override, per call.
_OVERRIDE_SEARCH = 12


def _runs(target: CallTarget) -> tuple[int, ...]:
    """The functions a method call may run, by node: what tells two resolutions apart."""
    found = target.alternatives or (target,)
    return tuple(sorted(id(t.function.node) for t in found if t.function is not None))


def _declared_name(value: ast.expr, scope: Scope) -> bool:
    """A name whose type its caller states, cheap to read: a parameter annotated or given a
    ``Depends`` default (``db: AsyncSession = Depends(get_db)``), or one a call typed."""
    if not isinstance(value, ast.Name):
        return False
    found = scope.lookup(value.id)
    return found is not None and len(found[1]) == 1 and found[1][0].kind in {"annotation", "default", "instance"}
