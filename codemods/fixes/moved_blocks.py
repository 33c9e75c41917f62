"""Statements that move into a nested ``def`` run in one threadpool call.

A run of statements working on one object, or a ``with`` block over a
blocking resource, cannot be wrapped call by call: :func:`extract_unit` moves
the statements into a nested sync function and awaits it in the threadpool.
What the statements assign and the code after them reads comes back as the
function's return value; names assigned before the block and reassigned in it
are shared with ``nonlocal``. :func:`check_movable` refuses what cannot move
(``return``, ``await``, ``break`` out of the block...).
"""

from __future__ import annotations

import ast
from typing import Any

from ..analysis.children import child_nodes, walk_nodes
from ..analysis.scope import Scope, _Binder, parameter_names
from .base import FixContext, Refusal
from .calls import RUN_IN_THREADPOOL, first_exit
from .object_runs import Unit

#: asgiref's runner, for the Django ORM (its per-thread connections).
DJANGO_RUNNER = "sync_to_async"


def taken_names(context: FixContext) -> set[str]:
    names = set(context.scope.bindings) | set(context.module.scope.bindings)
    names |= {n.id for n in walk_nodes(context.function) if isinstance(n, ast.Name)}
    return names


def fresh_name(base: str, taken: set[str]) -> str:
    index = 1
    while f"{base}_{index}" in taken:
        index += 1
    name = f"{base}_{index}"
    taken.add(name)
    return name


#: How a construct that cannot move reads in a message.
_KEYWORDS = {"Await": "await", "Return": "return", "Yield": "yield", "YieldFrom": "yield from",
             "AsyncWith": "async with", "AsyncFor": "async for", "Global": "global", "Nonlocal": "nonlocal"}


def check_movable(statement: ast.With) -> None:
    node = first_exit([statement])
    if isinstance(node, (ast.Break, ast.Continue)):
        raise Refusal(f"the `with` block at line {statement.lineno} cannot move: it leaves an enclosing loop")
    if node is not None:
        raise Refusal(f"the `with` block at line {statement.lineno} cannot move to a thread: "
                      f"it uses `{_KEYWORDS.get(type(node).__name__, type(node).__name__)}` (line {getattr(node, 'lineno', '?')})")


#: (returned, shared through ``nonlocal``, declared with a bare annotation) names of one moved unit.
_Names = tuple[list[str], list[str], list[str]]


def unit_names(context: FixContext, units: list[Unit]) -> list[_Names]:
    """How each unit's helper shares the names it assigns with the function around it.

    A name assigned in a unit stays a local of the helper unless it is bound
    outside every unit or used outside this one (after it, or in another
    unit). Then it comes back as the helper's return value when the unit
    surely assigns it, never reads it (a read would find the helper's own,
    unbound local) and no other unit assigns it, whether or not the function
    binds it elsewhere too; else through ``nonlocal``. A
    name no statement outside the units binds gets a bare annotation, which
    makes it a local of the outer function (nothing runs) and leaves it
    unbound exactly when it was.
    """
    outside = _bound_outside(context, [statement for unit in units for statement in unit])
    assigned = [_assigned(unit, context) for unit in units]
    needed = [(names - outside) & _loaded_outside(context.function, unit) for names, unit in zip(assigned, units)]
    returned = []
    for index, (names, unit) in enumerate(zip(assigned, units)):
        elsewhere = set().union(*(names for other, names in enumerate(assigned) if other != index))
        surely, read = _assignments(unit)
        # Also a name the function binds elsewhere too: handed back, the code after the call sees
        # it bound there (``nonlocal`` would be right for Python, but ruff, mypy and pyright read
        # the name as unbound after the call: F821 in the project's own CI).
        returned.append(names & _loaded_outside(context.function, unit) & surely - read - elsewhere)
    outer = outside.union(*needed)
    declared = outside.union(*returned)  # names the outer function binds already
    result: list[_Names] = []
    for names, back in zip(assigned, returned):
        shared = (names & outer) - back
        result.append((sorted(back), sorted(shared), sorted(shared - declared)))
        declared |= shared  # one bare annotation is enough
    return result


def _assigned(unit: Unit, context: FixContext) -> set[str]:
    inner = Scope(module=context.scope.module)
    binder = _Binder(inner)
    for statement in unit:
        binder.visit(statement)
    return set(inner.bindings)


def _node_type(statement: ast.stmt) -> str:
    """The libcst class that holds ``statement``: simple statements sit in a ``SimpleStatementLine``."""
    return type(statement).__name__ if hasattr(statement, "body") else "SimpleStatementLine"


def extract_unit(unit: Unit, names: _Names, helper: str, django: bool, opening: str | None = None
                 ) -> list[tuple[str, ast.stmt, Any]]:
    """Move the statements of ``unit`` into a nested sync function, run in one threadpool call.

    libcst leaves the statements in order: all but the last are collected and
    removed, and the last is replaced by the declarations, the helper holding
    all of them and the awaited call. Laid out as ruff format and black lay out
    an inner function: one blank line before it (unless it opens its block) and
    one after it.
    """
    returned, shared, declared = names
    collected: list[Any] = []

    def gather(original: Any, updated: Any) -> Any:
        import libcst as cst

        collected.append(updated)
        return cst.RemoveFromParent()

    def rewrite(original: Any, updated: Any) -> Any:
        import libcst as cst

        moved = [*collected, updated]
        lines = [f"{name}: object\n" for name in declared]
        lines.append(f"def {helper}():\n")
        if shared:
            lines.append(f"    nonlocal {', '.join(shared)}\n")
        lines.append("    pass\n")
        if returned:
            lines.append(f"    return {', '.join(returned)}\n")
        parsed = cst.parse_module("".join(lines)).body
        definition = parsed[-1]
        assert isinstance(definition, cst.FunctionDef) and isinstance(definition.body, cst.IndentedBlock)
        body = list(definition.body.body)
        slot = len(body) - (2 if returned else 1)
        body[slot:slot + 1] = [moved[0].with_changes(leading_lines=[]), *moved[1:]]
        definition = definition.with_changes(body=definition.body.with_changes(body=body))
        blank = [cst.EmptyLine(indent=False)]
        leading = list(moved[0].leading_lines)
        if parsed[:-1]:
            # ``name: object`` declarations take the block's place; the function follows them.
            definition = definition.with_changes(leading_lines=blank)
        elif opening is None and not (leading and leading[0].comment is None):
            leading = [*blank, *leading]  # a blank line before the function (and its comments)
        elif opening == "block" and not leading:
            leading = blank
        statements = [*parsed[:-1], definition]
        statements[0] = statements[0].with_changes(leading_lines=leading)
        target = f"{', '.join(returned)} = " if returned else ""
        runner = f"{DJANGO_RUNNER}({helper})()" if django else f"{RUN_IN_THREADPOOL}({helper})"
        call = cst.parse_statement(f"{target}await {runner}\n").with_changes(leading_lines=blank)
        return cst.FlattenSentinel([*statements, call])

    return [(_node_type(s), s, gather) for s in unit[:-1]] + [(_node_type(unit[-1]), unit[-1], rewrite)]


def _assignments(unit: Unit) -> tuple[set[str], set[str]]:
    """Names every run of the unit assigns (a moved ``with`` block's targets, top-level assignments),
    and names it may read before it assigns them."""
    scope = Scope(module="")
    binder = _Binder(scope)
    read: set[str] = set()
    children: list[ast.stmt] = unit
    if len(unit) == 1 and isinstance(unit[0], ast.With):
        for item in unit[0].items:
            read |= _loads(item) - set(scope.bindings)
            if item.optional_vars is not None:
                binder._bind_target(item.optional_vars, None)
        children = unit[0].body
    for child in children:
        read |= _loads(child) - set(scope.bindings)
        if isinstance(child, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Import, ast.ImportFrom,
                              ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            binder.visit(child)
    return set(scope.bindings), read


def _loads(node: ast.AST) -> set[str]:
    return {n.id for n in walk_nodes(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


class _BinderSkipping(_Binder):
    """Bindings of a function body, leaving out the statements that move."""

    def __init__(self, scope: Scope, skip: list[ast.stmt]) -> None:
        super().__init__(scope)
        self.skip = {id(node) for node in skip}

    def visit(self, node: ast.AST) -> Any:
        if id(node) in self.skip:
            return None
        return super().visit(node)


def _bound_outside(context: FixContext, statement: list[ast.stmt]) -> set[str]:
    names = parameter_names(context.function.args)
    scope = Scope(module=context.scope.module)
    binder = _BinderSkipping(scope, statement)
    for node in context.function.body:
        binder.visit(node)
    return names | set(scope.bindings)


def _loaded_outside(function: ast.AST, statements: list[ast.stmt]) -> set[str]:
    """The names the function reads outside ``statements``. A comprehension's or a lambda's own
    names are theirs (``[Path(f).name for f in files]`` reads no ``f`` of the function), so a
    moved ``with open(...) as f`` does not hand back an ``f`` nothing reads (ruff F841)."""
    inside = {id(n) for statement in statements for n in walk_nodes(statement)}
    found: set[str] = set()
    stack: list[tuple[ast.AST, frozenset[str]]] = [(function, frozenset())]
    while stack:
        node, own = stack.pop()
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            # The first iterable is read where the comprehension stands; the rest in its own scope.
            stack.append((node.generators[0].iter, own))
            own = own | {n.id for g in node.generators for n in walk_nodes(g.target) if isinstance(n, ast.Name)}
            produced = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
            clauses = [part for index, g in enumerate(node.generators)
                       for part in (g.target, *g.ifs, *([g.iter] if index else []))]
            stack += [(child, own) for child in (*produced, *clauses)]
            continue
        if isinstance(node, ast.Lambda):
            own = own | parameter_names(node.args)
        if isinstance(node, ast.Name) and id(node) not in inside and node.id not in own:
            found.add(node.id)
        stack += [(child, own) for child in child_nodes(node)]
    return found


def opens_block(function: ast.AST, statement: ast.stmt) -> str | None:
    """``"function"`` when ``statement`` is the first of a function's body, ``"block"`` when it is
    the first of another block (``if``, ``with``, ``try``...), else ``None``. ruff format and black
    put no blank line before an inner function opening a function's body, one before it opening
    another block unless a comment comes first, and one before it (and its comments) elsewhere."""
    for node in walk_nodes(function):
        blocks = [getattr(node, field, None) for field in ("body", "orelse", "finalbody")]
        blocks += [handler.body for handler in getattr(node, "handlers", ())]
        for block in blocks:
            if isinstance(block, list) and block and block[0] is statement:
                return "function" if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and block is node.body \
                    else "block"
    return None
