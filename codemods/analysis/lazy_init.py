"""Lazy initialisation: code that runs once per process, not on every request.

``if _client is None: _client = make()`` (or ``if is_closed(_client):``, a
helper deciding it; and the early-return form,
``if _client is not None: return _client`` followed by the set-up) guards
start-up work; blocking calls behind such a guard are start-up cost, so the
blocking analysis (:func:`.blocking.iter_loop_nodes`) leaves them out. The
guarded name must outlive the call: an attribute or a ``global``/``nonlocal``.
"""

from __future__ import annotations

import ast

from .children import child_nodes, walk_nodes


def _target_text(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _target_text(node.value)
        return f"{inner}.{node.attr}" if inner else None
    return None


def _guarded(test: ast.expr, negated: bool) -> str | None:
    """The name a lazy-init guard tests: ``x is None``/``not x`` (``negated``), ``x is not None``/``x``."""
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        right = test.comparators[0]
        op = ast.Is if negated else ast.IsNot
        if isinstance(test.ops[0], op) and isinstance(right, ast.Constant) and right.value is None:
            return _target_text(test.left)
        return None
    if negated:
        return _target_text(test.operand) if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) else None
    return _target_text(test)


def _assigns(body: list[ast.stmt], guarded: str) -> bool:
    for statement in walk_nodes(ast.Module(body=body, type_ignores=[])):
        targets: list[ast.expr] = []
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, (ast.AnnAssign, ast.AugAssign)):
            targets = [statement.target]
        if any(_target_text(t) == guarded for t in targets):
            return True
    return False


def _outlives_call(guarded: str | None, shared: frozenset[str], fresh: frozenset[str] = frozenset()) -> bool:
    # A plain local is re-read on every call: not one-time start-up. Nor is an attribute of
    # an object made for this call (``fresh``: ``self`` of an object built by the caller).
    if guarded is None or guarded.split(".", 1)[0] in fresh:
        return False
    return "." in guarded or guarded in shared


def is_lazy_init(node: ast.If, shared: frozenset[str] = frozenset(), fresh: frozenset[str] = frozenset()) -> bool:
    """``if _client is None: _client = make()``: runs once per process, not per request.

    Blocking work behind such a guard (loading a config, building a client)
    is start-up cost, so it is not reported.
    """
    guarded = _guarded(node.test, negated=True) or _checked_by_call(node.test)
    return _outlives_call(guarded, shared, fresh) and _assigns(node.body, guarded or "")


def _checked_by_call(test: ast.expr) -> str | None:
    """``if _is_client_closed(_client):`` (or ``if not is_alive(self.conn):``) before a body that
    sets ``_client`` again: a helper decides whether the shared object must be made anew."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        test = test.operand
    if isinstance(test, ast.Call) and len(test.args) == 1 and not test.keywords:
        return _target_text(test.args[0])
    return None


def lazy_tail(body: list[ast.stmt], shared: frozenset[str] = frozenset(), fresh: frozenset[str] = frozenset()) -> int:
    """Where the once-only part of a body starts (``len(body)`` when there is none).

    ``if _client is not None: return _client`` followed by code that sets
    ``_client``: the code after the guard runs on the first call only, so it
    is start-up cost like :func:`is_lazy_init`'s block. The guard may test
    more (``if self.state == READY and self._instance is not None:``), and a
    guard that returns the very attribute it tests may leave the setting to a
    method the tail calls (``return self._initialise()``), as a cached getter does.
    A guard that also compares a local name (an argument) keeps one value per
    argument, not one per process: its tail is work of the call. The guard may sit
    alone in a ``with lock:`` block (the fast path of a singleton built under a lock).
    """
    for index, statement in enumerate(body):
        if isinstance(statement, (ast.With, ast.AsyncWith)) and len(statement.body) == 1:
            statement = statement.body[0]
        if not (isinstance(statement, ast.If) and not statement.orelse and statement.body
                and isinstance(statement.body[-1], ast.Return)):
            continue
        if _keyed_by_call(statement.test, shared):
            continue
        tail = body[index + 1:]
        returned = _target_text(statement.body[-1].value) if statement.body[-1].value is not None else None
        for guarded in _guards(statement.test):
            if not _outlives_call(guarded, shared, fresh):
                continue
            if _assigns(tail, guarded or "") or (guarded == returned and _calls_own_method(tail)):
                return index + 1
    return len(body)


def _keyed_by_call(test: ast.expr, shared: frozenset[str]) -> bool:
    """``if name == self._loaded_name and self._loaded is not None:``: what is kept is the one
    for the last argument, so another argument runs the tail again (a model switched per
    request), unlike a client made once."""
    for node in walk_nodes(test):
        if isinstance(node, ast.Compare) and all(isinstance(op, (ast.Eq, ast.NotEq)) for op in node.ops):
            operands = [node.left, *node.comparators]
            # A plain name: a parameter or a local (a module constant, ``SCHEMA_VERSION``, is not).
            if any(isinstance(o, ast.Name) and o.id not in shared and not o.id.isupper() for o in operands):
                return True
    return False


def _guards(test: ast.expr) -> list[str | None]:
    """The names an early-return test checks are set: each part of an ``and``, or the test."""
    parts = test.values if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And) else [test]
    return [_guarded(part, negated=False) for part in parts]


def _calls_own_method(body: list[ast.stmt]) -> bool:
    for node in walk_nodes(ast.Module(body=body, type_ignores=[])):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            receiver = node.func.value
            if isinstance(receiver, ast.Name) and receiver.id in ("self", "cls"):
                return True
    return False


def shared_names(body: list[ast.stmt]) -> frozenset[str]:
    """Names a body declares ``global``/``nonlocal``: state that outlives one call."""
    names: set[str] = set()
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            names.update(node.names)
        elif not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            stack.extend(child_nodes(node))
    return frozenset(names)
