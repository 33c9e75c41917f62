"""The callers of a function converted to ``def``, rewritten in the same change.

A conversion turns a coroutine function into a plain one, so every use of
the coroutine must change with it (fastapi_semantics.md F7.6):

- ``await f(a, b=c)`` in an ``async def`` becomes
  ``await run_in_threadpool(f, a, b=c)``: the caller still awaits, the work
  runs in the threadpool (the same place FastAPI now runs ``f``), and the
  value is the same;
- ``asyncio.run(f(a))`` in sync code (a test, a script) becomes ``f(a)``.

The planner converts only when every use of the function in the project is
one of these two (or hands it to a streaming response); anything else
(gathered, scheduled, patched by name) keeps the function async. If a
caller's file cannot be rewritten after all, the runner withdraws the
conversion, so a function and its callers always change together.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..analysis.callers import AWAITED, RUN, parents, use_of
from ..analysis.children import walk_nodes
from ..analysis.definitions import DefinedFunction, callee_name
from ..analysis.modules import ModuleInfo, function_key
from ..analysis.resolver import Resolver
from ..transform import NodeEdit
from .base import char_column
from .calls import RUN_IN_THREADPOOL, own_parentheses, threadpool_module

if TYPE_CHECKING:
    import libcst as cst

    from ..transform import FileEdits

def rewrite_callers(
    module: ModuleInfo, lines: list[str], resolver: Resolver, targets: Iterable[str], edits: FileEdits
) -> set[str]:
    """Rewrite the uses in ``module`` of the functions keyed ``targets``; return the keys that failed.

    All or nothing per key: a key fails (and none of its uses here changes)
    when one of its uses is not rewritable, when ``run_in_threadpool`` cannot
    be imported under its own name, or when a call passes ``func=``, which
    ``run_in_threadpool`` reserves.
    """
    wanted = set(targets)
    names = {key.rsplit(":", 1)[1].rsplit(".", 1)[-1] for key in wanted}
    matches = [node for node in walk_nodes(module.tree)
               if isinstance(node, ast.Call) and callee_name(node) in names]
    if not matches:
        return set()
    parent_of = parents(module.tree)
    functions = {id(f.node): f for f in module.functions}
    threadpool = threadpool_module(module.scope)
    failed: set[str] = set()
    planned: list[tuple[str, ast.AST, str]] = []
    for call in matches:
        key = _target_key(call, module, resolver)
        if key not in wanted:
            continue
        how = use_of(call, parent_of, resolver, module)
        usable = how == RUN or (how == AWAITED and threadpool is not None
                                and not _shadowed(call, module, parent_of, functions)
                                and not any(k.arg == "func" for k in call.keywords))
        if not usable:
            failed.add(key)
        planned.append((key, parent_of[id(call)], how))
    for key, node, how in planned:
        if key in failed:
            continue
        if how == AWAITED:
            assert threadpool is not None
            edits.add_imports.add((threadpool, RUN_IN_THREADPOOL))
            edits.nodes.append(_edit(lines, node, "Await", _into_threadpool))
        else:
            edits.nodes.append(_edit(lines, node, "Call", _unwrap_run))
            edits.remove_unused.add("asyncio")
        edits.spans.append(_top_level_span(node, module))
    return failed


def _target_key(call: ast.Call, module: ModuleInfo, resolver: Resolver) -> str | None:
    qualified = resolver.qualified(call.func, module.scope)
    symbol = resolver.project_symbol(qualified) if qualified is not None else None
    if symbol is None or symbol.function is None:
        return None
    return function_key(symbol.module.path, symbol.function.qualname)


def _shadowed(call: ast.Call, module: ModuleInfo, parent_of: dict[int, ast.AST],
              functions: dict[int, DefinedFunction]) -> bool:
    """``run_in_threadpool`` bound to something else inside the calling function."""
    current = parent_of.get(id(call))
    while current is not None:
        if id(current) in functions:
            found = functions[id(current)].scope.lookup(RUN_IN_THREADPOOL)
            return found is not None and found[0] is not module.scope
        current = parent_of.get(id(current))
    return False


def _edit(lines: list[str], node: ast.AST, kind: str, rewrite: Any) -> NodeEdit:
    line, end_line = node.lineno, node.end_lineno or node.lineno  # type: ignore[attr-defined]
    return NodeEdit(kind, line, char_column(lines, line, node.col_offset),  # type: ignore[attr-defined]
                    rewrite, (end_line, char_column(lines, end_line, node.end_col_offset or 0)))  # type: ignore[attr-defined]


def _top_level_span(node: ast.AST, module: ModuleInfo) -> tuple[int, int]:
    """The module-level statement holding ``node`` (decorators included): a chunk libcst parses alone."""
    line = node.lineno  # type: ignore[attr-defined]
    for statement in module.tree.body:
        decorators = getattr(statement, "decorator_list", [])
        start = min([statement.lineno, *(d.lineno for d in decorators)])
        end = statement.end_lineno or statement.lineno
        if start <= line <= end:
            return start, end
    return line, node.end_lineno or line  # type: ignore[attr-defined]


def _into_threadpool(original: cst.Await, updated: cst.Await) -> cst.Await:
    """``await f(a, b=c)`` -> ``await run_in_threadpool(f, a, b=c)``."""
    import libcst as cst

    call = updated.expression
    assert isinstance(call, cst.Call)
    first = cst.Arg(call.func)
    if call.args:
        # Arguments laid out one per line keep that layout: the function gets its own line.
        layout = call.whitespace_before_args
        after = layout if isinstance(layout, cst.ParenthesizedWhitespace) else cst.SimpleWhitespace(" ")
        first = first.with_changes(comma=cst.Comma(whitespace_after=after))
    wrapped = call.with_changes(func=cst.Name(RUN_IN_THREADPOOL), args=[first, *own_parentheses(call.args)])
    return updated.with_changes(expression=wrapped)


def _unwrap_run(original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
    """``asyncio.run(f(a))`` -> ``f(a)``, keeping any parentheses around the whole."""
    inner = updated.args[0].value
    return inner.with_changes(lpar=updated.lpar, rpar=updated.rpar)
