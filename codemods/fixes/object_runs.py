"""Runs of statements on one database object, for wrap-in-threadpool to move as one unit.

A sqlite3 connection refuses to be used from a thread other than the one that
made it, and an ORM session is not meant to hop between threads either. So
consecutive statements of one block that work on the same such object move
together into one nested sync function, run in one threadpool call::

    conn = sqlite3.connect(path)
    cursor = conn.execute(query)
    rows = cursor.fetchall()
    conn.close()

A run starts at a statement that calls a method of a sqlite3 connection or
cursor or of a SQLAlchemy/SQLModel session (by its known type), or that makes
one (``conn = sqlite3.connect(path)``, ``db = SessionLocal()``). The next
statement joins while it calls a method of an object of the run; an object
it makes joins too (the cursor above). Any other statement ends the run.
A statement joins only when it can move: no ``await``, ``return``,
``yield``, ``global``/``nonlocal``, no ``break``/``continue`` of a loop
outside it, no blocking ``with`` of its own (that moves by itself), not
sharing its line with another statement, and no annotated assignment to a
name bound elsewhere. Trailing statements that block on nothing are left
out; a run needs two statements and two blocking calls, otherwise its calls
are wrapped one by one as before.

:func:`unconfined_affine` decides the fix's safety: a sqlite3 call is safe
when its object is created inside the unit that moves it (``sqlite3.connect``,
or a method of such an object) and its name is used nowhere else, and only as
``name.method(...)``, ``name.attr = value`` or ``with name:`` inside: the
object then lives and dies on one worker thread.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from typing import Any

from ..analysis.children import child_nodes, walk_nodes
from ..analysis.scope import parameter_names
from .base import FixContext
from .calls import blocking_with_statements, first_exit

#: Receiver types whose consecutive calls move together.
_SESSIONS = ("sqlalchemy.orm.Session", "sqlalchemy.orm.scoped_session", "sqlmodel.Session")
_AFFINE = "sqlite3."
_CONNECT = "sqlite3.connect"
_SIMPLE = (ast.Expr, ast.Assign, ast.AnnAssign, ast.AugAssign)
_COMPOUND = (ast.If, ast.For, ast.While, ast.Try, ast.With, *([ast.TryStar] if hasattr(ast, "TryStar") else []))
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
#: Names whose meaning changes inside a nested function.
_FRAME_BOUND = frozenset({"super", "__class__", "locals", "vars"})
#: sqlite3 attributes that read a plain value (a bound method or ``cursor.connection`` could escape).
_PLAIN_ATTRIBUTES = frozenset({"total_changes", "in_transaction", "isolation_level", "autocommit", "row_factory",
                               "text_factory", "lastrowid", "rowcount", "description", "arraysize"})

Unit = list[ast.stmt]


def _grouped(type_name: str | None) -> bool:
    return type_name is not None and (type_name.startswith(_AFFINE) or type_name in _SESSIONS)


def _walk(node: ast.AST) -> Iterator[ast.AST]:
    """``ast.walk`` that does not enter nested functions, classes or lambdas."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(c for c in child_nodes(current) if not isinstance(c, _SCOPES))


def _blocks(function: ast.AST, skip: Mapping[int, ast.AST]) -> Iterator[list[ast.stmt]]:
    """Every statement list of the function, outside nested scopes and moving ``with`` blocks."""
    stack: list[list[ast.stmt]] = [function.body]  # type: ignore[attr-defined]
    while stack:
        body = stack.pop()
        yield body
        for statement in body:
            if isinstance(statement, _SCOPES) or id(statement) in skip:
                continue
            for field in ("body", "orelse", "finalbody"):
                inner = getattr(statement, field, None)
                if isinstance(inner, list) and inner and isinstance(inner[0], ast.stmt):
                    stack.append(inner)
            stack.extend(handler.body for handler in getattr(statement, "handlers", []))
            stack.extend(case.body for case in getattr(statement, "cases", []))


def find_runs(context: FixContext, also_moving: Mapping[int, ast.AST] | None = None) -> list[Unit]:
    """Runs of two or more statements on one grouped object, to move as one unit each.

    ``also_moving``: loops that move whole (they read a file as they iterate). No run is looked for
    inside one, but one may join a run: the run then moves it.
    """
    moving = blocking_with_statements(context)
    skip: dict[int, Any] = {**moving, **(also_moving or {})}
    call_ids = {id(c.node) for c in context.calls}
    params = parameter_names(context.function.args)
    runs: list[Unit] = []
    for body in _blocks(context.function, skip):
        current: Unit = []
        family: set[str] = set()
        for statement in body:
            found = _member(statement, context, moving, params)
            if found is not None and current and found[0] & family:
                current.append(statement)
                family |= found[0] | found[1]
                continue
            runs.extend(_kept(current, call_ids))
            current, family = ([statement], found[0] | found[1]) if found is not None else ([], set())
        runs.extend(_kept(current, call_ids))
    return runs


def _kept(run: Unit, call_ids: set[int]) -> list[Unit]:
    def blocking(statement: ast.stmt) -> int:
        return sum(id(node) in call_ids for node in _walk(statement))

    while run and not blocking(run[-1]):
        run = run[:-1]
    return [run] if len(run) >= 2 and sum(map(blocking, run)) >= 2 else []


def _member(statement: ast.stmt, context: FixContext, moving: Mapping[int, ast.AST],
            params: set[str]) -> tuple[set[str], set[str]] | None:
    """(object names it calls methods on, object name it creates), or ``None`` when it cannot join a run."""
    if not isinstance(statement, (*_SIMPLE, *_COMPOUND)) or id(statement) in moving:
        return None
    if isinstance(statement, _SIMPLE) and not context.alone_on_its_lines(statement):
        return None
    if first_exit([statement]) is not None:
        return None
    nodes = list(_walk(statement))
    if any(id(node) in moving for node in nodes):
        return None
    if any(isinstance(node, ast.Name) and node.id in _FRAME_BOUND for node in nodes):
        return None
    for node in nodes:
        # ``nonlocal x`` and ``x: T = ...`` in one function do not compile: an annotated name
        # may move only where it is surely assigned (returned, never shared) and bound nowhere else.
        if isinstance(node, ast.AnnAssign) and (node is not statement or node.value is None
                                                or not isinstance(node.target, ast.Name)
                                                or node.target.id in params
                                                or _stores(context.function, node.target.id) != 1):
            return None
    touched = {node.value.id for node in nodes
               if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
               and _grouped(context.resolver.type_of(node.value, context.scope))}
    created: set[str] = set()
    target = _single_target(statement)
    if target is not None and _grouped(context.resolver.type_of(statement.value, context.scope)):  # type: ignore[attr-defined]
        created.add(target)
    return (touched, created) if touched or created else None


def _stores(function: ast.AST, name: str) -> int:
    return sum(isinstance(node, ast.Name) and node.id == name and not isinstance(node.ctx, ast.Load)
               for node in _walk(function))


def _single_target(statement: ast.AST) -> str | None:
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target: ast.expr | None = statement.targets[0]
    elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
        target = statement.target
    else:
        return None
    return target.id if isinstance(target, ast.Name) else None


def unconfined_affine(context: FixContext, units: list[Unit]) -> list[str]:
    """Names of the sqlite3 calls whose object may be used on another thread than the unit that moves it."""
    spans = [(unit, {id(n) for s in unit for n in walk_nodes(s)}) for unit in units]
    confined = {id(unit[0]): _confined(context, unit, nodes) for unit, nodes in spans}
    found: set[str] = set()
    for call in context.calls:
        if not call.name.startswith(_AFFINE):
            continue
        around = [(unit, nodes) for unit, nodes in spans if id(call.node) in nodes]
        if not around:
            found.add(call.name)
            continue
        unit, _nodes = max(around, key=lambda pair: len(pair[1]))  # the outermost unit is the one that moves
        if _object_of(call.node, unit, context) not in confined[id(unit[0])]:
            found.add(call.name)
    return sorted(found)


def _object_of(call: ast.Call, unit: Unit, context: FixContext) -> str | None:
    """The name of the sqlite3 object ``call`` works on: its receiver, or the name it is assigned to."""
    receiver: ast.expr = call.func
    while isinstance(receiver, (ast.Attribute, ast.Call, ast.Subscript)):
        receiver = receiver.func if isinstance(receiver, ast.Call) else receiver.value
        if isinstance(receiver, ast.Name):
            if (context.resolver.type_of(receiver, context.scope) or "").startswith(_AFFINE):
                return receiver.id
            break
    for statement in unit:
        for node in walk_nodes(statement):
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is call:
                return _single_target(node)
            if isinstance(node, ast.withitem) and node.context_expr is call and isinstance(node.optional_vars, ast.Name):
                return node.optional_vars.id
    return None


def _confined(context: FixContext, unit: Unit, inside: set[int]) -> set[str]:
    """Names bound in ``unit`` to a sqlite3 object made there, and used nowhere else."""
    made: dict[str, list[ast.expr]] = {}
    for statement in unit:
        for node in walk_nodes(statement):
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and _single_target(node):
                made.setdefault(_single_target(node) or "", []).append(node.value)  # type: ignore[arg-type]
            elif isinstance(node, ast.withitem) and isinstance(node.optional_vars, ast.Name):
                made.setdefault(node.optional_vars.id, []).append(node.context_expr)
    connects = {id(c.node) for c in context.calls if c.api.qualname == _CONNECT}
    escaping = _escaping(context, inside)
    confined: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, values in made.items():
            if name in confined or name in escaping:
                continue
            if all(id(v) in connects or (isinstance(v, ast.Call) and _root(v) in confined) for v in values):
                confined.add(name)
                changed = True
    return confined


def _root(node: ast.expr) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Call, ast.Subscript)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _escaping(context: FixContext, inside: set[int]) -> set[str]:
    """Names used outside the unit, or inside it other than as ``name.method(...)``, ``name.attr = v``,
    a plain value attribute (``cursor.rowcount``), ``with name:`` or a plain ``name = value``."""
    function = context.function
    escaping = parameter_names(function.args)
    parent: dict[int, ast.AST] = {}
    for node in walk_nodes(function):
        for child in child_nodes(node):
            parent[id(child)] = node
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            escaping.update(node.names)
    for node in walk_nodes(function):
        if not isinstance(node, ast.Name):
            continue
        up = parent.get(id(node))
        plain_store = isinstance(up, (ast.Assign, ast.AnnAssign, ast.withitem)) and isinstance(node.ctx, ast.Store)
        method = (isinstance(up, ast.Attribute) and up.value is node
                  and (isinstance(up.ctx, ast.Store) or up.attr in _PLAIN_ATTRIBUTES
                       or isinstance(parent.get(id(up)), ast.Call) and parent[id(up)].func is up))  # type: ignore[attr-defined]
        with_context = isinstance(up, ast.withitem) and up.context_expr is node
        if id(node) not in inside or not (plain_store or method or with_context):
            escaping.add(node.id)
    return escaping
