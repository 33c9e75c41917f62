"""The nodes of a function body that run when it is called, in source order.

What blocks is looked for only where code can run: not in nested ``def``,
``lambda`` or class bodies (they run later, if at all), not in the once-only
start-up code of :mod:`.lazy_init`, not after a ``return``, ``raise``,
``break`` or ``continue``, not under ``if False:`` or after ``if True:
return``, and not after a ``while True:`` that never breaks.

A call can also switch branches off: ``initialize(base=None)`` never runs the
``if base is not None:`` branch of ``initialize``. :func:`call_constants`
reads the literal arguments a call passes (or leaves at literal defaults) for
the parameters the callee tests, and the walk decides those tests for that
call. A parameter the callee rebinds is never decided.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from .body_memo import once_per_body
from .bound_iterables import iterated_bindings
from .children import child_nodes, walk_nodes
from .definitions import DefinedFunction, callee_name
from .lazy_init import is_lazy_init, lazy_tail, shared_names
from .scope import parameter_defaults
from .task_groups import awaited_tasks, is_group_spawn, started_call, task_group_names

#: Parameters known at one call, as sorted (name, literal value) pairs (hashable: a memo key).
Known = tuple[tuple[str, object], ...]
#: In a function's ``Known``: its caller iterates what it returns, so a generator it returns
#: (``return pool.scan_batches()``) runs there. Not an identifier: no parameter is named so.
RESULT_ITERATED: tuple[str, object] = ("<result iterated>", True)
#: In a plain ``def``'s ``Known``: its caller awaits what it returns, so a coroutine it returns
#: (``def arun(self): return self._arun()``) runs there.
RESULT_AWAITED: tuple[str, object] = ("<result awaited>", True)
#: In a method's ``Known``: ``self`` was made for this call (``env = DotEnv(path); env.load()``),
#: so a cache on it (``if self._dict is None: ...``) is filled on this call, not once per process.
FRESH_SELF: tuple[str, object] = ("<fresh self>", True)
_UNKNOWN = object()
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)

def iter_loop_nodes(body: list[ast.stmt], per_call: bool = False, known: Known = ()) -> Iterator[ast.AST]:
    """Every node of a body that runs in the function's own frame, in source order.

    ``per_call``: only what runs on every call, without the once-only start-up
    code (:func:`is_lazy_init`, :func:`lazy_tail`) and without dead code. What
    blocks is looked for there; what decides the function's shape (an
    ``await``, a ``yield``) is looked for everywhere. ``known``: parameters
    whose value the call decides (see :func:`call_constants`). The nodes are
    listed once per body and question.
    """
    nodes = once_per_body(("frame nodes", per_call, known), body,  # a tuple: no room to grow kept
                          lambda: tuple(_frame_nodes(body, per_call, dict(known))))
    return iter(nodes)


def frame_yields(body: list[ast.stmt]) -> bool:
    """Whether the body's own frame holds a ``yield`` (a generator function's body). Asked for
    every call of a helper that is not iterated, so answered once per body."""
    return once_per_body("yields", body,
                          lambda: any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in iter_loop_nodes(body)))


def _frame_nodes(body: list[ast.stmt], per_call: bool, known: dict[str, object]) -> Iterator[ast.AST]:
    shared = once_per_body("shared", body, lambda: shared_names(body)) if per_call else frozenset()
    fresh = frozenset({"self"}) if known.get(FRESH_SELF[0]) else frozenset()
    stack: list[ast.AST] = list(reversed(reachable(body[:lazy_tail(body, shared, fresh)], known) if per_call else body))
    while stack:
        node = stack.pop()
        yield node
        if per_call and isinstance(node, ast.If) and is_lazy_init(node, shared, fresh):
            stack.extend(reversed([node.test, *node.orelse]))
            continue
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            # Decorators and defaults run here; the body does not.
            children: list[ast.AST] = [*node.decorator_list]
            children += [d for d in (*node.args.defaults, *node.args.kw_defaults) if d is not None]
            stack.extend(reversed(children))
            continue
        if isinstance(node, ast.ClassDef):
            # A class body runs when the class statement does; its methods' bodies do not.
            stack.extend(reversed([*node.decorator_list, *node.bases, *node.keywords, *node.body]))
            continue
        if isinstance(node, ast.Lambda):
            stack.extend(reversed(node.args.defaults))
            continue
        children = _reachable_children(node, known) if per_call else child_nodes(node)
        stack.extend(reversed(children))


# -- calls of a frame ---------------------------------------------------------------
#: Builtins that run a generator to the end right where they are called.
_CONSUMERS = frozenset({"list", "tuple", "set", "frozenset", "dict", "sorted", "sum", "min", "max", "any", "all",
                        "enumerate", "zip", "next"})
#: ``ExitStack.enter_context(manager)``: enters the manager as ``with`` does.
ENTER_CONTEXT = "enter_context"


def iter_calls(body: list[ast.stmt]) -> Iterator[tuple[ast.Call, bool]]:
    """(call, awaited) for every call in the frame; ``async for`` over a call counts as awaited."""
    for call, awaited, _consumed in iter_calls_consumed(body):
        yield call, awaited


def iter_calls_consumed(body: list[ast.stmt], known: Known = (), entered: set[int] | None = None
                        ) -> Iterator[tuple[ast.Call, bool, bool]]:
    """(call, awaited, consumed): ``consumed`` when a generator it returns is iterated here.

    ``entered`` collects the calls counted as awaited because ``async with`` or ``async for``
    uses what they return: a plain ``def`` there runs its body and hands over an object.
    """
    # ``response = stream(...)``, then ``async for chunk in response``: the call runs here.
    awaited, consumed = iterated_bindings(iter_loop_nodes(body, per_call=True, known=known))
    entered = set() if entered is None else entered
    entered |= awaited  # the caller's set, filled in place
    result_iterated = RESULT_ITERATED in known
    result_awaited = RESULT_AWAITED in known
    groups: set[str] = set()
    for node in iter_loop_nodes(body, per_call=True, known=known):
        if result_iterated and isinstance(node, ast.Return) and node.value is not None:
            consumed.add(id(node.value))
        if result_awaited and isinstance(node, ast.Return) and isinstance(node.value, ast.Call):
            awaited.add(id(node.value))
        if isinstance(node, ast.Await) and isinstance(node.value, ast.Call):
            awaited.add(id(node.value))
            started = started_call(node.value)
            if started is not None:
                yield started, True, True
        elif isinstance(node, ast.AsyncFor):
            awaited.add(id(node.iter))
            entered.add(id(node.iter))
        elif isinstance(node, ast.For):
            consumed.add(id(node.iter))
        elif isinstance(node, ast.comprehension):
            (awaited if node.is_async else consumed).add(id(node.iter))
            if node.is_async:
                entered.add(id(node.iter))
        elif isinstance(node, ast.YieldFrom):
            consumed.add(id(node.value))
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            # ``with session_scope():`` runs a @contextmanager generator up to its ``yield`` (and on
            # after it); ``async with client():`` awaits an @asynccontextmanager's.
            contexts = {id(item.context_expr) for item in node.items if isinstance(item.context_expr, ast.Call)}
            (awaited if isinstance(node, ast.AsyncWith) else consumed).update(contexts)
            if isinstance(node, ast.AsyncWith):
                entered.update(contexts)
                groups |= task_group_names(node)
        if isinstance(node, ast.Call):
            if is_group_spawn(node, groups):
                awaited |= {id(a) for a in node.args if isinstance(a, ast.Call)}
            if isinstance(node.func, ast.Name) and node.func.id in _CONSUMERS or (
                isinstance(node.func, ast.Attribute) and node.func.attr in {"join", "extend", "update", ENTER_CONTEXT}
            ):  # ``stack.enter_context(session_scope())`` runs a @contextmanager as ``with`` does
                consumed |= {id(a) for a in node.args}
            yield node, id(node) in awaited, id(node) in consumed or id(node) in awaited


#: Calls that schedule a coroutine on the running loop itself: ``asyncio.create_task(poll())``.
LOOP_SPAWNERS = frozenset({"create_task", "ensure_future", "start_soon"})
#: Calls that start a coroutine as a task of its own: it runs later, not as part of this call.
_SPAWNERS = LOOP_SPAWNERS | {"run_coroutine_threadsafe", "add_task"}


def spawned_calls(body: list[ast.stmt], known: Known = ()) -> set[int]:
    """Ids of the calls whose coroutine is handed to a task (``asyncio.create_task(loop())``);
    not those started in a task group the frame opened and waits for, nor a task it awaits."""
    spawned: set[int] = set()
    groups: set[str] = set()
    waited = once_per_body("awaited tasks", body, lambda: frozenset(awaited_tasks(body, LOOP_SPAWNERS)))
    for node in iter_loop_nodes(body, per_call=True, known=known):
        if isinstance(node, ast.AsyncWith):
            groups |= task_group_names(node)
        if isinstance(node, ast.Call) and callee_name(node) in _SPAWNERS and not is_group_spawn(node, groups) \
                and id(node) not in waited:
            spawned |= {id(a) for a in node.args if isinstance(a, ast.Call)}
    return spawned


def dropped_calls(body: list[ast.stmt], known: Known = ()) -> set[int]:
    """Ids of the calls whose value nothing keeps: an expression statement (``notify(payload)``)
    and the element of a comprehension that is one (``[delete(c) for c in chats]``). A
    coroutine made there is never awaited, so its body never runs."""
    dropped: set[int] = set()
    for node in iter_loop_nodes(body, per_call=True, known=known):
        if isinstance(node, ast.Expr):
            value = node.value.elt if isinstance(node.value, (ast.ListComp, ast.SetComp, ast.GeneratorExp)) \
                else node.value
            if isinstance(value, ast.Call):
                dropped.add(id(value))
    return dropped


# -- deciding tests ---------------------------------------------------------------
def isinstance_key(test: ast.Call) -> str:
    """The ``Known`` name under which a call decides an ``isinstance`` test of its helper: the
    test's place in its file (read for every test a decided call's frame meets, so not unparsed)."""
    return f"<isinstance@{test.lineno}:{test.col_offset}>"


def truth(test: ast.expr, known: dict[str, object]) -> bool | None:
    """What a test evaluates to, when constants and the known parameters decide it."""
    value = _value(test, known)
    if value is not _UNKNOWN:
        return bool(value)
    if known and isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id == "isinstance":
        decided = known.get(isinstance_key(test))
        return None if decided is None else bool(decided)
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = truth(test.operand, known)
        return None if inner is None else not inner
    if isinstance(test, ast.BoolOp):
        parts = [truth(v, known) for v in test.values]
        if isinstance(test.op, ast.And):
            return False if False in parts else (True if all(p is True for p in parts) else None)
        return True if True in parts else (False if all(p is False for p in parts) else None)
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        left, right = _value(test.left, known), _value(test.comparators[0], known)
        if left is _UNKNOWN or right is _UNKNOWN:
            return None
        op = test.ops[0]
        if isinstance(op, ast.Is):
            return left is right if right is None or left is None else None
        if isinstance(op, ast.IsNot):
            return left is not right if right is None or left is None else None
        if isinstance(op, ast.Eq):
            return bool(left == right)
        if isinstance(op, ast.NotEq):
            return bool(left != right)
    return None


def _value(expr: ast.expr, known: dict[str, object]) -> object:
    if isinstance(expr, ast.Constant):
        return expr.value
    if isinstance(expr, ast.Name) and expr.id in known:
        return known[expr.id]
    if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name):  # ``self.cache`` (see .instance_state)
        return known.get(f"{expr.value.id}.{expr.attr}", _UNKNOWN)
    return _UNKNOWN


# -- reachability -------------------------------------------------------------------
def _breaks(body: list[ast.stmt]) -> bool:
    """A ``break`` of this loop (not of a loop nested in it)."""
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Break):
            return True
        if not isinstance(node, (ast.For, ast.AsyncFor, ast.While, *_SCOPES)):
            stack.extend(child_nodes(node))
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.While)):
            stack.extend(node.orelse)  # a loop's ``else`` belongs to the outer loop
    return False


def _ends(statement: ast.stmt, known: dict[str, object]) -> bool:
    """Control never reaches the statement after this one."""
    if isinstance(statement, (ast.Return, ast.Raise, ast.Continue, ast.Break)):
        return True
    if isinstance(statement, ast.If):
        decided = truth(statement.test, known)
        if decided is True:
            return _ends_block(statement.body, known)
        if decided is False:
            return _ends_block(statement.orelse, known)
        return _ends_block(statement.body, known) and _ends_block(statement.orelse, known)
    if isinstance(statement, ast.While):
        return truth(statement.test, {}) is True and not _breaks(statement.body)
    return False


def _ends_block(body: list[ast.stmt], known: dict[str, object]) -> bool:
    return any(_ends(statement, known) for statement in body)


def reachable(body: list[ast.stmt], known: dict[str, object] | None = None) -> list[ast.stmt]:
    """The statements of a block that can run (see the module's docstring)."""
    known = known or {}
    for position, statement in enumerate(body):
        if _ends(statement, known):
            return body[:position + 1]
    return body


def _reachable_children(node: ast.AST, known: dict[str, object]) -> list[ast.AST]:
    """A node's children, with dead statements and decided-false branches left out."""
    if isinstance(node, (ast.If, ast.While)):
        decided = truth(node.test, known if isinstance(node, ast.If) else {})
        if decided is True:  # the ``else`` of ``if True`` (or of ``while True``) never runs
            return [node.test, *reachable(node.body, known)]
        if decided is False:
            return [node.test, *reachable(node.orelse, known)]
    if isinstance(node, ast.IfExp):
        decided = truth(node.test, known)
        if decided is not None:
            return [node.test, node.body if decided else node.orelse]
    children: list[ast.AST] = []
    for name in node._fields:
        value = getattr(node, name, None)
        if value.__class__ is list:
            if value and isinstance(value[0], ast.stmt):
                children.extend(reachable(value, known))
            else:
                children.extend(v for v in value if isinstance(v, ast.AST))
        elif isinstance(value, ast.AST):
            children.append(value)
    return children


# -- what a call decides ----------------------------------------------------------------
def _tested_names(function: DefinedFunction) -> frozenset[str]:
    """The names a function's branches test (listed once per function: every call asks)."""
    def tested() -> frozenset[str]:
        names: set[str] = set()
        for node in iter_loop_nodes(function.node.body, per_call=True):
            if isinstance(node, (ast.If, ast.IfExp)):
                names |= {n.id for n in walk_nodes(node.test) if isinstance(n, ast.Name)}
        return frozenset(names)

    return once_per_body("tested names", function.node, tested)


def passed_arguments(call: ast.Call, function: DefinedFunction) -> dict[str, ast.expr]:
    """The argument a call passes for each parameter of ``function`` it names, by position
    (up to a ``*args``) or by keyword."""
    args = function.node.args
    positional = [a.arg for a in (*args.posonlyargs, *args.args)]
    bound = isinstance(call.func, ast.Attribute) or function.node.name == "__init__"
    if function.owner_class is not None and bound and positional:
        positional = positional[1:]  # ``obj.method(...)``, ``Class(...)``: ``self`` is bound
    passed: dict[str, ast.expr] = {}
    for name, argument in zip(positional, call.args):
        if isinstance(argument, ast.Starred):
            break
        passed[name] = argument
    passed.update({k.arg: k.value for k in call.keywords if k.arg is not None})
    return passed


def call_constants(call: ast.Call, function: DefinedFunction) -> Known:
    """The literal values a call gives the parameters ``function`` tests in its branches:
    passed as literals, or left at a literal default. Empty when nothing is decided."""
    tested = _tested_names(function)
    if not tested:
        return ()
    defaults = parameter_defaults(function.node.args)
    passed = passed_arguments(call, function)
    starred = any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords)
    known: dict[str, object] = {}
    for name in tested:
        bindings = function.scope.bindings.get(name, [])
        if len(bindings) != 1:
            continue  # rebound in the body (or not a parameter): never decided
        given = passed.get(name, None if starred else defaults.get(name))
        if isinstance(given, ast.Constant):
            known[name] = given.value
    return tuple(sorted(known.items(), key=lambda item: item[0]))


def frame_calls(body: list[ast.stmt]) -> Iterator[ast.Call]:
    """Calls in a body that are not inside a nested function or class body."""
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if isinstance(node, ast.ClassDef):
            stack.extend(s for s in node.body if not isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)))
            continue
        if isinstance(node, ast.Call):
            yield node
        stack.extend(child_nodes(node))
