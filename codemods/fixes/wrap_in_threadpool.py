"""wrap-in-threadpool: keep the function async, run each blocking call in the threadpool.

What it does
    ``requests.get(url, timeout=5)`` becomes
    ``await run_in_threadpool(requests.get, url, timeout=5)`` (from
    ``fastapi.concurrency``, or ``starlette.concurrency`` in a Starlette-only
    module): the callable and its arguments, never ``run_in_threadpool(f(x))``.
    A ``with`` statement whose context is blocking (``with open(...)``,
    ``with Session(engine)``) moves as one unit into a nested sync function
    run in one threadpool call, so the resource never changes threads; names
    it assigns come back through ``nonlocal`` or its return value.
    A blocking project helper is wrapped at the call site rather than made
    async: that changes one line instead of the helper and all its callers.

When it applies
    The function must stay async (it awaits, or FastAPI always awaits it) and
    every blocking call can be moved: not inside a generator expression, and
    a moved ``with`` body does not ``return``, ``yield``, ``await``,
    ``break`` or ``continue``.

Fix safety
    Safe: the same library runs, with the same arguments, in a worker
    thread (shared/research/fastapi_semantics.md D.1-D.6). Unsafe for
    ``sqlite3`` objects, which refuse to be used from another thread.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from ..analysis.scope import Scope, _Binder
from ..models import FixPlan, Strategy
from ..transform import NodeEdit
from .base import FixContext, Refusal
from .calls import awaited, blocking_with_statements, keep_parens, parents, placement, refuse_unplaceable

if TYPE_CHECKING:
    import libcst as cst

    from ..transform import FileEdits

_THREAD_AFFINE = ("sqlite3.",)
_NAME = "run_in_threadpool"
_DJANGO_NAME = "sync_to_async"


class WrapInThreadpool:
    strategy = Strategy.WRAP_IN_THREADPOOL
    summary = "keep `async def`; run each blocking call with `await run_in_threadpool(...)`"

    def plan(self, context: FixContext) -> FixPlan:
        _actions(context)  # raises Refusal when a call cannot move
        names = sorted({c.name for c in context.calls})
        helpers = sorted({c.via[0] for c in context.calls if c.via})
        affine = [n for n in names if n.startswith(_THREAD_AFFINE)]
        if affine:
            return FixPlan(self.strategy, False, f"{', '.join(affine)} objects are bound to the thread that made them")
        racy = sorted({c.helper.qualname for c in context.calls if c.helper is not None and _rebinds_shared(c.helper)})
        if racy:
            return FixPlan(self.strategy, False, f"helper {', '.join(racy)} rebinds shared state; in a thread that "
                                                 "may race")
        reason = "must stay async; the blocking calls run in the threadpool"
        if _uses_django(context):
            reason = ("must stay async; the Django ORM calls run through asgiref's sync_to_async, which keeps "
                      "Django's per-thread connections in one thread")
        if helpers:
            reason += f" (helper {', '.join(helpers)} wrapped at the call site: one line changes, not every caller)"
        if any(c.api.category == "cpu" for c in context.calls):
            reason += "; CPU-bound work: a thread frees the loop only where the library releases the GIL"
        return FixPlan(self.strategy, True, reason)

    def edit(self, context: FixContext, edits: FileEdits) -> None:
        module_name = "asgiref.sync" if _uses_django(context) else _threadpool_module(context)
        for kind, node, rewrite in _actions(context):
            line = node.lineno
            edits.nodes.append(NodeEdit(kind, line, context.char_column(line, node.col_offset), rewrite,
                                        context.end_of(node) if kind == "Call" else None))
        edits.add_imports.add((module_name, _DJANGO_NAME if _uses_django(context) else _NAME))


def _uses_django(context: FixContext) -> bool:
    """Django ORM work goes through ``sync_to_async`` (thread-sensitive), as Django documents."""
    return any(c.api.qualname.startswith("django.") for c in context.calls)


def _rebinds_shared(helper: Any) -> bool:
    return any(isinstance(node, (ast.Global, ast.Nonlocal)) for node in ast.walk(helper.node))


def _threadpool_module(context: FixContext) -> str:
    bound = context.module.scope.bindings.get(_NAME)
    if bound:
        targets = {b.target for b in bound if b.kind == "import"}
        if len(bound) == 1 and len(targets) == 1 and targets.pop().endswith(".concurrency." + _NAME):
            return bound[0].target.rsplit(".", 1)[0]
        raise Refusal(f"`{_NAME}` already means something else in this module")
    local = context.scope.lookup(_NAME)
    if local is not None and local[0] is not context.module.scope:
        raise Refusal(f"`{_NAME}` is a local name in this function")
    uses_fastapi = any("fastapi" in b.target for bs in context.module.scope.bindings.values() for b in bs
                       if b.kind == "import")
    uses_starlette = any("starlette" in b.target for bs in context.module.scope.bindings.values() for b in bs
                         if b.kind == "import")
    return "starlette.concurrency" if uses_starlette and not uses_fastapi else "fastapi.concurrency"


def _actions(context: FixContext) -> list[tuple[str, ast.stmt | ast.expr, Any]]:
    parent_of = parents(context.function)
    actions: list[tuple[str, ast.stmt | ast.expr, Any]] = []
    moved: set[int] = set()
    used = _taken_names(context)
    for call in context.calls:
        if call.awaited and call.helper is not None and call.helper.is_async:
            raise Refusal(f"blocks inside the awaited async helper `{call.via[0]}`; the fix belongs in that helper")
        if call.awaited and call.helper is not None:
            raise Refusal(f"`{call.helper.qualname}` is a plain `def` but its result is awaited (line "
                          f"{call.node.lineno}): a decorator may make it async; check it by hand")
        where = placement(call, context, parent_of)
        if where.inside_moved_with is not None or where.inside_call is not None:
            continue  # moves with its enclosing with-block, or with the outer call
        refuse_unplaceable(call, where)
        if where.with_statement is not None:
            if id(where.with_statement) not in moved:
                moved.add(id(where.with_statement))
                actions.append(("With", where.with_statement,
                                _extract_with(where.with_statement, context, used, _uses_django(context))))
            continue
        if any(k.arg == "func" for k in call.node.keywords):
            raise Refusal(f"`{call.name}` takes a `func=` argument, which run_in_threadpool reserves")
        actions.append(("Call", call.node, _wrap_call(where.needs_parens, _contains_blocking(call.node, context),
                                                      _uses_django(context))))
    return actions


def _contains_blocking(node: ast.Call, context: FixContext) -> bool:
    inner = {id(c.node) for c in context.calls if c.node is not node}
    return any(id(child) in inner for child in ast.walk(node))


def _wrap_call(parenthesize: bool, nested: bool, django: bool = False) -> Any:
    def rewrite(original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        import libcst as cst

        if django:
            # ``await sync_to_async(f)(args)``; a nested blocking receiver goes in a lambda.
            if nested:
                target: cst.BaseExpression = cst.Lambda(params=cst.Parameters(),
                                                        body=updated.with_changes(lpar=[], rpar=[]))
                call_args: list[cst.Arg] = []
            else:
                target, call_args = updated.func, list(updated.args)
            curried = cst.Call(func=cst.Name(_DJANGO_NAME), args=[cst.Arg(target)])
            wrapped_call = cst.Call(func=curried, args=call_args)
            return keep_parens(original, awaited(wrapped_call, parenthesize and not original.lpar))
        if nested:
            # The receiver or an argument blocks too: run the whole expression in one thread call.
            body = updated.with_changes(lpar=[], rpar=[])
            thunk = cst.Lambda(params=cst.Parameters(), body=body)
            args = [cst.Arg(thunk)]
        else:
            # Keep the original layout: whatever followed "(" now follows the callable.
            layout = updated.whitespace_before_args
            keep = isinstance(layout, cst.ParenthesizedWhitespace)
            comma = cst.Comma(whitespace_after=layout) if updated.args and keep else None
            if updated.args and not keep:
                comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
            first = cst.Arg(updated.func, comma=comma) if comma is not None else cst.Arg(updated.func)
            args = [first, *updated.args]
        wrapped = cst.Call(func=cst.Name(_NAME), args=args)
        return keep_parens(original, awaited(wrapped, parenthesize and not original.lpar))

    return rewrite


def _taken_names(context: FixContext) -> set[str]:
    names = set(context.scope.bindings) | set(context.module.scope.bindings)
    names |= {n.id for n in ast.walk(context.function) if isinstance(n, ast.Name)}
    return names


def _fresh(base: str, taken: set[str]) -> str:
    index = 1
    while f"{base}_{index}" in taken:
        index += 1
    name = f"{base}_{index}"
    taken.add(name)
    return name


_EXITS = (ast.Return, ast.Yield, ast.YieldFrom, ast.Await, ast.AsyncWith, ast.AsyncFor, ast.Global, ast.Nonlocal)


def _check_movable(statement: ast.With) -> None:
    stack: list[tuple[ast.AST, bool]] = [(child, False) for child in statement.body]
    while stack:
        node, in_loop = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, _EXITS):
            raise Refusal(f"the `with` block at line {statement.lineno} cannot move to a thread: "
                          f"it uses `{type(node).__name__.lower()}` (line {node.lineno})")
        if isinstance(node, (ast.Break, ast.Continue)) and not in_loop:
            raise Refusal(f"the `with` block at line {statement.lineno} cannot move: it leaves an enclosing loop")
        loop = isinstance(node, (ast.For, ast.While))
        stack.extend((child, in_loop or loop) for child in ast.iter_child_nodes(node))


def _extract_with(statement: ast.With, context: FixContext, taken: set[str], django: bool = False) -> Any:
    _check_movable(statement)
    inner = Scope(module=context.scope.module)
    binder = _Binder(inner, False)
    binder.visit(statement)
    assigned = set(inner.bindings)
    # Every with-block that moves takes its bindings along: none of them counts as "outside".
    moving = list(blocking_with_statements(context).values())
    outside = _bound_outside(context, moving)
    used_outside = _loaded_outside(context.function, moving)
    surely = _surely_assigned(statement)
    needed = (assigned - outside) & used_outside
    returned = sorted(needed & surely)
    # Assigned on some paths only: returning it could raise where the original did not.
    # A bare annotation makes it a local of the outer function (nothing runs), so the
    # helper can share it with ``nonlocal`` and leave it unbound exactly when it was.
    declared = sorted(needed - surely)
    shared = sorted((assigned & outside) | set(declared))
    helper = _fresh("_blocking_io", taken)

    def rewrite(original: cst.With, updated: cst.With) -> Any:
        import libcst as cst

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
        body[len(body) - (2 if returned else 1)] = updated.with_changes(leading_lines=[])
        definition = definition.with_changes(body=definition.body.with_changes(body=body))
        statements = [*parsed[:-1], definition]
        statements[0] = statements[0].with_changes(leading_lines=original.leading_lines)
        target = f"{', '.join(returned)} = " if returned else ""
        runner = f"{_DJANGO_NAME}({helper})()" if django else f"{_NAME}({helper})"
        call = cst.parse_statement(f"{target}await {runner}\n")
        return cst.FlattenSentinel([*statements, call])

    return rewrite


def _surely_assigned(statement: ast.With) -> set[str]:
    """Names every run of the ``with`` block assigns: its targets and top-level assignments."""
    scope = Scope(module="")
    binder = _Binder(scope, False)
    for item in statement.items:
        if item.optional_vars is not None:
            binder._bind_target(item.optional_vars, None)
    for child in statement.body:
        if isinstance(child, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Import, ast.ImportFrom,
                              ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            binder.visit(child)
    return set(scope.bindings)


class _BinderSkipping(_Binder):
    """Bindings of a function body, leaving out the statements that move."""

    def __init__(self, scope: Scope, skip: list[ast.With]) -> None:
        super().__init__(scope, False)
        self.skip = {id(node) for node in skip}

    def visit(self, node: ast.AST) -> Any:
        if id(node) in self.skip:
            return None
        return super().visit(node)


def _bound_outside(context: FixContext, statement: list[ast.With]) -> set[str]:
    args = context.function.args
    names = {a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)}
    names |= {a.arg for a in (args.vararg, args.kwarg) if a is not None}
    scope = Scope(module=context.scope.module)
    binder = _BinderSkipping(scope, statement)
    for node in context.function.body:
        binder.visit(node)
    return names | set(scope.bindings)


def _loaded_outside(function: ast.AST, statements: list[ast.With]) -> set[str]:
    inside = {id(n) for statement in statements for n in ast.walk(statement)}
    return {n.id for n in ast.walk(function) if isinstance(n, ast.Name) and id(n) not in inside}
