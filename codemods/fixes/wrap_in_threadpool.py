"""wrap-in-threadpool: keep the function async, run each blocking call in the threadpool.

What it does
    ``requests.get(url, timeout=5)`` becomes
    ``await run_in_threadpool(requests.get, url, timeout=5)`` (from
    ``fastapi.concurrency``, or ``starlette.concurrency`` in a Starlette-only
    module): the callable and its arguments, never ``run_in_threadpool(f(x))``.
    Some statements move as one unit into a nested sync function run in one
    threadpool call, so the object they work on never changes threads: a
    ``with`` statement whose context is blocking (``with open(...)``,
    ``with Session(engine)``), and a run of consecutive statements on one
    sqlite3 connection or cursor or ORM session (``conn = sqlite3.connect(p);
    rows = conn.execute(q).fetchall(); conn.close()``, ``db.add(x);
    db.commit(); db.refresh(x)``; see :mod:`.object_runs`). So does a ``for``
    loop that reads a file as it iterates (``for line in open(p):``, or
    ``for line in f:`` after ``f = open(p)``), which wrapping only the call
    would leave reading on the loop; a list/set/dict comprehension over a file
    runs whole in ``await run_in_threadpool(lambda: [...])`` (see
    :mod:`.file_loops`). Names a unit assigns come back through its return
    value or ``nonlocal``.
    A blocking project helper is wrapped at the call site rather than made
    async: that changes one line instead of the helper and all its callers.

When it applies
    The function must stay async (it awaits, or FastAPI always awaits it) and
    every blocking call can be moved: not inside a generator expression, and
    a moved ``with`` body or file loop does not ``return``, ``yield``,
    ``await``, ``break`` or ``continue`` an outer loop (a file loop that
    cannot move refuses the fix: it would still read on the event loop). A
    run of statements stops before any such statement; its calls then move
    one by one.

Fix safety
    Safe: the same library runs, with the same arguments, in a worker
    thread (shared/research/fastapi_semantics.md D.1-D.6). Unsafe for
    ``sqlite3`` objects, which refuse to be used from another thread, unless
    each one is made and used only inside one moved unit: then it lives and
    dies on one worker thread.
"""

from __future__ import annotations

import ast
import weakref
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..analysis.blocking import is_generator
from ..analysis.children import walk_nodes
from ..analysis.definitions import callee_name, decorator_names
from ..analysis.frames import ENTER_CONTEXT
from ..analysis.iteration import RUN_TO_THE_END
from ..models import FixPlan, Strategy
from ..transform import NodeEdit
from .base import FixContext, Refusal
from .calls import (
    RUN_IN_THREADPOOL,
    awaited,
    blocking_with_statements,
    keep_parens,
    parents,
    placement,
    prepend_callable,
    refuse_unplaceable,
    threadpool_module,
)
from .file_loops import check_loop, file_loops, outermost, wrap_comprehension
from .moved_blocks import (
    DJANGO_RUNNER,
    check_movable,
    extract_unit,
    fresh_name,
    opens_block,
    taken_names,
    unit_names,
)
from .object_runs import Unit, find_runs, unconfined_affine

if TYPE_CHECKING:
    import libcst as cst

    from ..analysis.direct_calls import DirectCall
    from ..transform import FileEdits

_NAME = RUN_IN_THREADPOOL


class WrapInThreadpool:
    strategy = Strategy.WRAP_IN_THREADPOOL
    summary = "keep `async def`; run each blocking call with `await run_in_threadpool(...)`"

    def plan(self, context: FixContext) -> FixPlan:
        _edits, units = _plan_actions(context)  # raises Refusal when a call cannot move
        helpers = sorted({c.via[0] for c in context.calls if c.via})
        affine = unconfined_affine(context, units)
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
        if any(isinstance(unit[0], ast.For) for unit in units) or any(c.loop is not None for c in context.calls):
            reason += "; a loop that reads a file as it iterates runs whole in the threadpool"
        if any(len(unit) > 1 for unit in units):
            reason += "; the statements working on one database object move together, in one threadpool call"
        if any(c.name.startswith("sqlite3.") for c in context.calls):
            reason += "; each sqlite3 object is made, used and dropped within one threadpool call"
        if any(c.api.category == "cpu" for c in context.calls):
            reason += "; CPU-bound work: a thread frees the loop only where the library releases the GIL"
        return FixPlan(self.strategy, True, reason)

    def edit(self, context: FixContext, edits: FileEdits) -> None:
        module_name = "asgiref.sync" if _uses_django(context) else _threadpool_module(context)
        for kind, node, rewrite in _plan_actions(context)[0]:
            line = node.lineno
            edits.nodes.append(NodeEdit(kind, line, context.char_column(line, node.col_offset), rewrite,
                                        context.end_of(node) if kind == "Call" else None))
        edits.add_imports.add((module_name, DJANGO_RUNNER if _uses_django(context) else _NAME))


def _uses_django(context: FixContext) -> bool:
    """Django ORM work goes through ``sync_to_async`` (thread-sensitive), as Django documents."""
    return any(c.api.qualname.startswith("django.") for c in context.calls)


#: A helper's node -> whether it rebinds a global or nonlocal name. Weakly held: an entry
#: goes with its tree, so a batch's trees are not kept alive by the next one.
_REBINDS: weakref.WeakKeyDictionary[ast.AST, bool] = weakref.WeakKeyDictionary()


def _rebinds_shared(helper: Any) -> bool:
    """A ``global``/``nonlocal`` statement in the helper (walked once: many calls share a helper)."""
    found = _REBINDS.get(helper.node)
    if found is None:
        found = _REBINDS[helper.node] = any(isinstance(node, (ast.Global, ast.Nonlocal))
                                            for node in walk_nodes(helper.node))
    return found


def _threadpool_module(context: FixContext) -> str:
    module_name = threadpool_module(context.module.scope)
    if module_name is None:
        raise Refusal(f"`{_NAME}` already means something else in this module")
    local = context.scope.lookup(_NAME)
    if local is not None and local[0] is not context.module.scope:
        raise Refusal(f"`{_NAME}` is a local name in this function")
    return module_name


def _plan_actions(context: FixContext) -> tuple[list[tuple[str, ast.stmt | ast.expr, Any]], list[Unit]]:
    """The node edits, and the units of statements that move into nested functions."""
    parent_of = parents(context.function)
    actions: list[tuple[str, ast.stmt | ast.expr, Any]] = []
    loops = file_loops(context, parent_of)
    runs = find_runs(context, loops)
    run_of = {id(node): run for run in runs for statement in run for node in walk_nodes(statement)}
    blocks = {**blocking_with_statements(context), **loops}
    units: list[Unit] = []
    placed: set[int] = set()
    for call in context.calls:
        if call.awaited and call.helper is not None and call.helper.is_async:
            raise Refusal(f"blocks inside the awaited async helper `{call.via[0]}`; the fix belongs in that helper")
        if call.awaited and call.helper is not None:
            raise Refusal(f"`{call.helper.qualname}` is a plain `def` but its result is awaited (line "
                          f"{call.node.lineno}): a decorator may make it async; check it by hand")
        if call.read is not None and call.read.attr in ("__enter__", "__exit__"):
            verb = "entering" if call.read.attr == "__enter__" else "leaving"
            raise Refusal(f"{verb} `with {ast.unparse(call.read.value)}` (line {call.node.lineno}) runs "
                          f"`{call.via[0] if call.via else call.name}`, which blocks; a `with` cannot move to a "
                          f"thread by itself")
        if call.read is not None:
            raise Refusal(f"reading the property `{call.via[0]}` (line {call.node.lineno}) runs a getter that "
                          f"blocks; a read cannot move to a thread by itself")
        generator_call = call.node
        call, unmovable = _run_to_the_end(call, parent_of, context)
        anchor = call.loop if call.loop is not None else call.node  # a file loop's marker is not in the tree
        run = run_of.get(id(anchor))
        if run is not None:
            if id(run[0]) not in placed:
                placed.add(id(run[0]))
                units.append(run)
            continue  # moves with the run of statements on its object
        outer = outermost(anchor, blocks, parent_of, context.function)
        if outer is not None and id(outer) in loops:
            if id(outer) not in placed:  # a loop reading a file moves whole (see file_loops)
                placed.add(id(outer))
                check_loop(outer, parent_of, context.function)
                if isinstance(outer, ast.For):
                    units.append([outer])
                else:
                    actions.append(wrap_comprehension(outer, parent_of, _runner_name(context), _uses_django(context)))
            continue
        if call.loop is not None:
            continue  # moves with its `with` block, or with the blocking call it is an argument of
        where = placement(call, context, parent_of)
        if where.inside_moved_with is not None or where.inside_call is not None:
            continue  # moves with its enclosing with-block, or with the outer call
        refuse_unplaceable(call, where)
        if where.with_statement is not None:
            if id(where.with_statement) not in placed:
                placed.add(id(where.with_statement))
                check_movable(where.with_statement)
                units.append([where.with_statement])
            continue
        if unmovable is not None:
            raise Refusal(unmovable)  # not moving with a block or a run of statements either
        if any(k.arg == "func" for k in call.node.keywords):
            raise Refusal(f"`{call.name}` takes a `func=` argument, which run_in_threadpool reserves")
        nested = _contains_blocking(call.node, context, also_moved=generator_call)
        actions.append(("Call", call.node, _wrap_call(where.needs_parens, nested,
                                                      _uses_django(context),
                                                      _line_indent(call.node, parent_of, context.lines))))
    used = taken_names(context)
    for unit, names in zip(units, unit_names(context, units)):
        actions.extend(extract_unit(unit, names, fresh_name("_blocking_io", used), _uses_django(context),
                                    opens_block(context.function, unit[0])))
    return actions, units


def _runner_name(context: FixContext) -> str:
    return DJANGO_RUNNER if _uses_django(context) else _NAME


def _contains_blocking(node: ast.Call, context: FixContext, also_moved: ast.AST | None = None) -> bool:
    """Whether another blocking call sits inside ``node`` (its receiver or an argument): then the
    whole expression runs in one thread call. ``also_moved``: a generator call that runs to the
    end as ``node``'s argument, which needs no thread of its own (making it runs none of it)."""
    inner = {id(c.node) for c in context.calls if c.node is not node and c.node is not also_moved}
    return any(id(child) in inner for child in walk_nodes(node))


def _run_to_the_end(call: DirectCall, parent_of: dict[int, ast.AST], context: FixContext
                    ) -> tuple[DirectCall, str | None]:
    """The call to move for ``call``, and why it cannot move by itself. Calling a generator
    function runs none of its body: the work happens as the result is iterated, so
    ``list(rows(path))`` moves whole (``await run_in_threadpool(list, rows(path))``). A loop or
    any other use of the result cannot: moving only the call would leave the reading on the
    event loop (unless it moves anyway, with a ``with`` block or a run of statements)."""
    consumer = parent_of.get(id(call.node))
    if call.helper is not None and "contextmanager" in decorator_names(call.helper.node) \
            and isinstance(consumer, ast.Call) and callee_name(consumer) == ENTER_CONTEXT:
        return call, (f"`{call.via[0] if call.via else call.name}` is a context manager entered by `enter_context` "
                      f"(line {call.node.lineno}): its body runs there, and the rest when the stack closes, so the "
                      "block that owns the stack has to move to the threadpool; do that by hand")
    if call.helper is None or call.helper.is_async or call.loop is not None \
            or decorator_names(call.helper.node) - {"staticmethod", "classmethod"} or not is_generator(call.helper):
        return call, None  # a decorated generator may be something else: ``@contextmanager`` runs in ``with``
    if (isinstance(consumer, ast.Call) and consumer.args and consumer.args[0] is call.node
            and context.resolver.qualified(consumer.func, context.scope) in RUN_TO_THE_END):
        return replace(call, node=consumer), None
    return call, (f"`{call.via[0] if call.via else call.name}` is a generator function: its body runs as its "
                  f"result is iterated (line {call.node.lineno}), not where it is called, so the loop over it has "
                  "to move to the threadpool; do that by hand")


def _line_indent(node: ast.expr, parent_of: dict[int, ast.AST], lines: list[str]) -> int:
    """How much deeper than its statement the line where ``node`` starts is indented: libcst
    writes the lines of a bracket relative to the statement's block."""
    statement: ast.AST | None = node
    while statement is not None and not isinstance(statement, ast.stmt):
        statement = parent_of.get(id(statement))
    if statement is None or node.lineno == statement.lineno:
        return 0

    def indent(line: str) -> int:
        return len(line) - len(line.lstrip())

    return max(0, indent(lines[node.lineno - 1]) - indent(lines[statement.lineno - 1]))


def _wrap_call(parenthesize: bool, nested: bool, django: bool = False, line_indent: int = 0) -> Any:
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
            curried = cst.Call(func=cst.Name(DJANGO_RUNNER), args=[cst.Arg(target)])
            wrapped_call = cst.Call(func=curried, args=call_args)
            return keep_parens(original, awaited(wrapped_call, parenthesize and not original.lpar))
        if nested:
            # The receiver or an argument blocks too: run the whole expression in one thread call.
            body = updated.with_changes(lpar=[], rpar=[])
            thunk = cst.Lambda(params=cst.Parameters(), body=body)
            wrapped = cst.Call(func=cst.Name(_NAME), args=[cst.Arg(thunk)])
        else:
            wrapped = prepend_callable(updated, cst.Name(_NAME))
        if not isinstance(wrapped.whitespace_before_args, cst.ParenthesizedWhitespace):
            wrapped = _exploded_if_spanning(wrapped, line_indent)  # an exploded call keeps its layout
        return keep_parens(original, awaited(wrapped, parenthesize and not original.lpar))

    return rewrite


def _exploded_if_spanning(call: Any, line_indent: int) -> Any:
    """``run_in_threadpool(lambda: f(\n    x,\n))`` -> the sole argument on lines of its own,
    one level deeper, as ruff format and black lay out an argument that spans lines."""
    import libcst as cst

    if len(call.args) != 1 or "\n" not in cst.Module([]).code_for_node(call.args[0].value):
        return call

    class _Deeper(cst.CSTTransformer):
        def leave_ParenthesizedWhitespace(self, original: Any, updated: Any) -> Any:
            if not updated.indent:
                return updated
            return updated.with_changes(last_line=cst.SimpleWhitespace(updated.last_line.value + "    "))

    value = call.args[0].value
    if isinstance(value, cst.Lambda) and not value.body.lpar and _split_before_dots(value.body):
        # ``lambda: (`` / the chain one level deeper / ``)``: ruff format's parentheses.
        opening = cst.LeftParen(whitespace_after=cst.ParenthesizedWhitespace(
            indent=True, last_line=cst.SimpleWhitespace(" " * (line_indent + 4))))
        closing_paren = cst.RightParen(whitespace_before=cst.ParenthesizedWhitespace(
            indent=True, last_line=cst.SimpleWhitespace(" " * line_indent)))
        body = _fluent(value.body).visit(_Deeper()).with_changes(lpar=[opening], rpar=[closing_paren])
        value = value.with_changes(body=body)
    value = _fluent(value).visit(_Deeper())
    newline = cst.ParenthesizedWhitespace(indent=True, last_line=cst.SimpleWhitespace(" " * (line_indent + 4)))
    closing = cst.ParenthesizedWhitespace(indent=True, last_line=cst.SimpleWhitespace(" " * line_indent))
    return call.with_changes(args=[cst.Arg(value, whitespace_after_arg=closing)], whitespace_before_args=newline)


def _split_before_dots(chain: Any) -> bool:
    """The chain ``a.b(x)`` / ``.c(y)`` has a line break before one of its dots."""
    import libcst as cst

    node = chain
    while isinstance(node, (cst.Attribute, cst.Call, cst.Subscript)):
        if isinstance(node, cst.Attribute) and isinstance(node.dot.whitespace_before, cst.ParenthesizedWhitespace):
            return True
        node = node.func if isinstance(node, cst.Call) else node.value
    return False


def _fluent(chain: Any) -> Any:
    """``a.b(x).c(y).d`` spanning lines, inside brackets: one ``.name`` per line after the first
    call (ruff format's fluent layout of a chain of two or more calls or subscripts)."""
    import libcst as cst

    links = []
    node = chain
    while isinstance(node, (cst.Attribute, cst.Call, cst.Subscript)):
        inner = node.value if isinstance(node, (cst.Attribute, cst.Subscript)) else node.func
        if isinstance(node, cst.Attribute) and isinstance(inner, (cst.Call, cst.Subscript)):
            links.append(node)
        node = inner
    if len(links) < 2 or any(isinstance(link.dot.whitespace_before, cst.ParenthesizedWhitespace) for link in links):
        return chain
    breaking = {id(link) for link in links}

    class _Break(cst.CSTTransformer):
        def leave_Attribute(self, original: Any, updated: Any) -> Any:
            if id(original) not in breaking:
                return updated
            line = cst.ParenthesizedWhitespace(indent=True, last_line=cst.SimpleWhitespace(""))
            return updated.with_changes(dot=updated.dot.with_changes(whitespace_before=line))

    return chain.visit(_Break())
