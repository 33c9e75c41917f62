"""Shared pieces for fixes that keep a function async and rewrite its calls.

Where each blocking call sits decides how it may be rewritten: an ``await``
cannot go into a generator expression (it would turn it into an async
generator) and needs parentheses when the call is the receiver of an
attribute, subscript or call (``await f().json()`` means ``await (f().json())``).
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from ..analysis.callers import parents
from ..analysis.children import child_nodes, walk_nodes
from ..analysis.direct_calls import DirectCall
from .base import FixContext, Refusal

if TYPE_CHECKING:
    import libcst as cst

    from ..analysis.scope import Scope

#: ``parents`` lives in :mod:`..analysis.callers`; it is re-exported for the fixes.
__all__ = ["EXITS", "RUN_IN_THREADPOOL", "Placement", "awaited", "blocking_with_statements", "first_exit",
           "keep_parens", "own_parentheses", "parents", "placement", "prepend_callable", "refuse_unplaceable",
           "threadpool_module"]


@dataclass(frozen=True)
class Placement:
    """Where a call sits in its function."""

    needs_parens: bool
    in_generator: bool
    #: Inside a class statement's body (``await`` is not allowed there).
    in_class_body: bool
    #: The ``with`` statement whose context expression this call is, if any.
    with_statement: ast.With | None
    #: An enclosing ``with`` statement that will move as a whole (its context blocks).
    inside_moved_with: ast.With | None
    #: The blocking call this one is nested in (receiver or argument), if any.
    inside_call: ast.Call | None


#: (id of a function node, ids of its blocking calls) -> (that node, its ``with`` statements they open).
#: Keyed by the function, not the :class:`FixContext`: a context holds the resolver, and with it
#: every tree of its project, which outlived the batch (a run over many projects with one worker
#: kept the first batch's 648 modules while the next one was analysed).
_WITH_CACHE: dict[tuple[int, frozenset[int]], tuple[ast.AST, dict[int, ast.With]]] = {}


def blocking_with_statements(context: FixContext) -> dict[int, ast.With]:
    """``with`` statements of the function whose context expression is a blocking call."""
    call_ids = frozenset(id(c.node) for c in context.calls)
    key = (id(context.function), call_ids)
    cached = _WITH_CACHE.get(key)
    if cached is not None and cached[0] is context.function:
        return cached[1]
    if len(_WITH_CACHE) > 64:
        _WITH_CACHE.clear()
    found: dict[int, ast.With] = {}
    for node in walk_nodes(context.function):
        if isinstance(node, ast.With) and any(id(item.context_expr) in call_ids for item in node.items):
            found[id(node)] = node
    _WITH_CACHE[key] = (context.function, found)
    return found


def placement(call: DirectCall, context: FixContext, parent_of: dict[int, ast.AST]) -> Placement:
    moving = blocking_with_statements(context)
    call_ids = {id(c.node) for c in context.calls}
    parent = parent_of.get(id(call.node))
    needs_parens = (
        isinstance(parent, (ast.Attribute, ast.Subscript)) and getattr(parent, "value", None) is call.node
    ) or (isinstance(parent, ast.Call) and parent.func is call.node)
    with_statement: ast.With | None = None
    if isinstance(parent, ast.withitem):
        grand = parent_of.get(id(parent))
        with_statement = grand if isinstance(grand, ast.With) else None
    in_generator = False
    in_class_body = False
    inside_moved: ast.With | None = None
    inside_call: ast.Call | None = None
    node: ast.AST | None = parent
    while node is not None and node is not context.function:
        if isinstance(node, ast.GeneratorExp):
            in_generator = True
        if isinstance(node, ast.ClassDef):
            in_class_body = True
        if isinstance(node, ast.With) and id(node) in moving and node is not with_statement:
            inside_moved = node
        if isinstance(node, ast.Call) and id(node) in call_ids and inside_call is None:
            inside_call = node
        node = parent_of.get(id(node))
    return Placement(needs_parens, in_generator, in_class_body, with_statement, inside_moved, inside_call)


def awaited(expression: cst.BaseExpression, parenthesize: bool) -> cst.Await:
    import libcst as cst

    node = cst.Await(expression=expression)
    if parenthesize:
        node = node.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return node


def refuse_unplaceable(call: DirectCall, where: Placement) -> None:
    if where.in_class_body:
        raise Refusal(f"`{call.name}` (line {call.node.lineno}) runs in a class body, where `await` is not allowed")
    if where.in_generator:
        raise Refusal(f"`{call.name}` (line {call.node.lineno}) is inside a generator expression; an await there "
                      "would make it an async generator")


#: Statements and expressions that cannot leave the function's own frame.
EXITS = (ast.Return, ast.Yield, ast.YieldFrom, ast.Await, ast.AsyncWith, ast.AsyncFor, ast.Global, ast.Nonlocal)


def first_exit(statements: list[ast.stmt]) -> ast.AST | None:
    """The first node that stops ``statements`` from moving into a nested sync function, if any.

    That is an ``await``, ``return``, ``yield``, ``async`` block, ``global`` or
    ``nonlocal`` (nested functions and classes aside), or a ``break`` or
    ``continue`` of a loop outside the statements.
    """
    stack: list[tuple[ast.AST, bool]] = [(child, False) for child in statements]
    while stack:
        node, in_loop = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, EXITS) or (isinstance(node, (ast.Break, ast.Continue)) and not in_loop):
            return node
        # A loop's body may break; its ``else`` belongs to the loop around it.
        body = {id(child) for child in node.body} if isinstance(node, (ast.For, ast.While)) else set()
        stack.extend((child, in_loop or id(child) in body) for child in child_nodes(node))
    return None


_Node = TypeVar("_Node")


def keep_parens(original: Any, replacement: _Node) -> _Node:
    """Carry the original call's own parentheses over to its replacement."""
    if getattr(original, "lpar", None):
        return replacement.with_changes(lpar=original.lpar, rpar=original.rpar)  # type: ignore[attr-defined, no-any-return]
    return replacement


def own_parentheses(args: Sequence[cst.Arg]) -> list[cst.Arg]:
    """``f(x for x in xs)`` -> ``(x for x in xs)``: a bare generator is valid only as a call's sole argument.

    Prepending the callable (``run_in_threadpool(f, ...)``) makes it the second one.
    """
    import libcst as cst

    return [arg.with_changes(value=arg.value.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()]))
            if isinstance(arg.value, cst.GeneratorExp) and not arg.value.lpar else arg for arg in args]


def prepend_callable(call: cst.Call, func: cst.BaseExpression) -> cst.Call:
    """``f(a, b)`` -> ``func(f, a, b)`` (``run_in_threadpool``, ``background_tasks.add_task``), laid
    out as ruff format and black would leave it: an exploded call stays exploded, the callable
    joining arguments that share a line, or on a line of its own before arguments one per line,
    which then end with the magic trailing comma; a comment after ``(`` stays there."""
    import libcst as cst

    layout = call.whitespace_before_args
    exploded = isinstance(layout, cst.ParenthesizedWhitespace)
    rest = own_parentheses(call.args)
    callee, comment = _callee_on_one_line(call.func)
    if not rest:
        return cst.Call(func=func, args=[cst.Arg(callee if comment is None else call.func)],
                        whitespace_before_args=layout)
    comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    if exploded and _one_per_line(rest):
        # A comment the callee's lines held follows its comma, as ruff format moves it.
        after = cst.TrailingWhitespace() if comment is None else \
            cst.TrailingWhitespace(whitespace=cst.SimpleWhitespace("  "), comment=comment)
        comma = cst.Comma(whitespace_after=layout.with_changes(first_line=after))
        rest = _with_trailing_comma(rest)
    elif comment is not None:
        callee = call.func
    return cst.Call(func=func, args=[cst.Arg(callee, comma=comma), *rest],
                    whitespace_before_args=layout if exploded else cst.SimpleWhitespace(""))


def _callee_on_one_line(func: cst.BaseExpression) -> tuple[cst.BaseExpression, cst.Comment | None]:
    """``store()`` / ``.consume`` -> ``store().consume``: the callee cut out of a chain split
    before its dots is no fluent chain when fewer than two calls or subscripts are left before
    its dots, and ruff format writes it on one line. The one comment at the end of one of its
    lines comes back to be placed after it; with more, or any other line break, it stays."""
    import libcst as cst

    module = cst.Module([])
    unchanged = (func, None)
    if "\n" not in module.code_for_node(func):
        return unchanged
    links, node = 0, func
    while isinstance(node, (cst.Attribute, cst.Call, cst.Subscript)):
        inner = node.func if isinstance(node, cst.Call) else node.value
        links += isinstance(node, cst.Attribute) and isinstance(inner, (cst.Call, cst.Subscript))
        node = inner
    if links >= 2:
        return unchanged
    comments: list[cst.Comment] = []
    own_lines: list[cst.EmptyLine] = []

    class _Join(cst.CSTTransformer):
        def leave_Dot(self, original: cst.Dot, updated: cst.Dot) -> cst.Dot:
            for space in (updated.whitespace_before, updated.whitespace_after):
                if isinstance(space, cst.ParenthesizedWhitespace):
                    comments.extend([space.first_line.comment] if space.first_line.comment else [])
                    own_lines.extend(line for line in space.empty_lines if line.comment)
            return updated.with_changes(whitespace_before=cst.SimpleWhitespace(""),
                                        whitespace_after=cst.SimpleWhitespace(""))

    joined = func.visit(_Join())
    if not isinstance(joined, cst.BaseExpression) or "\n" in module.code_for_node(joined) or len(comments) > 1 or own_lines:
        return unchanged
    return joined, (comments[0] if comments else None)


def _one_per_line(args: list[Any]) -> bool:
    """The arguments of an exploded call sit one per line (or will, after a magic trailing
    comma), or one of them spans lines."""
    import libcst as cst

    spans_lines = any("\n" in cst.Module([]).code_for_node(arg.value) for arg in args)
    separated = any(isinstance(arg.comma, cst.Comma) and isinstance(arg.comma.whitespace_after,
                                                                     cst.ParenthesizedWhitespace)
                    for arg in args[:-1])
    magic_comma = isinstance(args[-1].comma, cst.Comma)  # a formatter puts them one per line
    return spans_lines or separated or magic_comma


def _with_trailing_comma(args: list[Any]) -> list[Any]:
    import libcst as cst

    last = args[-1]
    if isinstance(last.comma, cst.Comma):
        return args
    comma = cst.Comma(whitespace_after=last.whitespace_after_arg)
    return [*args[:-1], last.with_changes(comma=comma, whitespace_after_arg=cst.SimpleWhitespace(""))]


#: What the threadpool fixes call; imported from ``fastapi.concurrency`` (or Starlette's).
RUN_IN_THREADPOOL = "run_in_threadpool"


def threadpool_module(module_scope: Scope) -> str | None:
    """Where ``run_in_threadpool`` comes from in a module; None when the name means something else there.

    An existing import of it is kept; otherwise ``fastapi.concurrency``, or
    ``starlette.concurrency`` in a module that imports Starlette and not FastAPI.
    """
    bound = module_scope.bindings.get(RUN_IN_THREADPOOL)
    if bound:
        targets = {b.target for b in bound if b.kind == "import"}
        if len(bound) == 1 and len(targets) == 1 and targets.pop().endswith(".concurrency." + RUN_IN_THREADPOOL):
            return bound[0].target.rsplit(".", 1)[0]
        return None
    imports = [b.target for bs in module_scope.bindings.values() for b in bs if b.kind == "import"]
    starlette_only = any("starlette" in t for t in imports) and not any("fastapi" in t for t in imports)
    return "starlette.concurrency" if starlette_only else "fastapi.concurrency"
