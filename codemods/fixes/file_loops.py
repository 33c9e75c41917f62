"""Loops that read a file as they iterate, for wrap-in-threadpool to move whole.

``for line in open(path):`` reads every line on the thread that iterates.
Wrapping only the call (``for line in await run_in_threadpool(open, path):``)
moves the open to a thread and leaves every read on the event loop. So a loop
whose iterable is a file (a blocking call that returns a file object, by the
catalogue's type: ``open``, ``Path.open``, ``gzip.open``...; also handed
through non-blocking calls such as ``enumerate(open(p))`` or
``csv.reader(open(p))``), or a name of the function bound only to such a
call (``f = open(p)`` ... ``for line in f:``, as the analysis reports it),
moves as one unit:

- a ``for`` statement goes into a nested sync function run in one
  threadpool call, like a blocking ``with`` block. Its body must be able to
  move (no ``await``, ``return``, ``yield``, ``break``/``continue`` of a loop
  outside it...); otherwise the fix is refused, because anything else would
  still read the file on the loop or change when the reading stops;
- a list, set or dict comprehension becomes
  ``await run_in_threadpool(lambda: [...])``: it runs to the end where it
  stands anyway, and a comprehension is already a scope of its own. One with
  ``await``, ``yield`` or ``:=`` inside is refused.

A loop inside a blocking ``with`` block that moves, or a comprehension inside
a blocking call that is wrapped whole, moves with it. A generator expression
over a file is left to the existing refusal (an ``await`` cannot go there).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from ..analysis.children import walk_nodes
from ..analysis.direct_calls import DirectCall
from ..analysis.iteration import is_file_type
from .base import FixContext, Refusal
from .calls import awaited, first_exit, keep_parens

if TYPE_CHECKING:
    import libcst as cst

Loop = ast.For | ast.ListComp | ast.SetComp | ast.DictComp
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp)


def file_loops(context: FixContext, parent_of: dict[int, ast.AST]) -> dict[int, Loop]:
    """The loops and comprehensions that read a file as they iterate, by ``id``.

    A comprehension inside a blocking call is left out: that call is wrapped
    whole (in a ``lambda``), the comprehension with it.
    """
    call_ids = {id(c.node) for c in context.calls}
    found: dict[int, Loop] = {}
    for call in context.calls:
        loop = call.loop if call.loop is not None else _iterated_by(call, context, parent_of, call_ids)
        if loop is None:
            continue
        if isinstance(loop, _COMPREHENSIONS) and _ancestor(loop, parent_of, context.function,
                                                           lambda n: id(n) in call_ids) is not None:
            continue
        found[id(loop)] = loop
    return found


def _iterated_by(call: DirectCall, context: FixContext, parent_of: dict[int, ast.AST],
                 call_ids: set[int]) -> Loop | None:
    """The loop that iterates the file object ``call`` returns, if that is what happens to it."""
    if call.api.category != "file" or not is_file_type(context.resolver.catalogue,
                                                       context.resolver.type_of(call.node, context.scope)):
        return None
    node: ast.AST = call.node
    parent = parent_of.get(id(node))
    while True:
        # Handed on as an argument of a call that does not block (``enumerate(f)``, ``csv.reader(f)``).
        if isinstance(parent, ast.keyword):
            up = parent_of.get(id(parent))
        elif isinstance(parent, ast.Call) and parent.func is not node:
            up = parent
        else:
            break
        if not isinstance(up, ast.Call) or id(up) in call_ids:
            return None  # a blocking call consumes it (``json.load(open(p))``): it moves with that call
        node, parent = up, parent_of.get(id(up))
    if isinstance(parent, ast.For) and parent.iter is node:
        return parent
    if isinstance(parent, ast.comprehension) and parent.iter is node and not parent.is_async:
        owner = parent_of.get(id(parent))
        return owner if isinstance(owner, _COMPREHENSIONS) else None
    return None


def _ancestor(node: ast.AST, parent_of: dict[int, ast.AST], function: ast.AST, test: Any) -> ast.AST | None:
    current = parent_of.get(id(node))
    while current is not None and current is not function:
        if test(current):
            return current
        current = parent_of.get(id(current))
    return None


def outermost(node: ast.AST, blocks: dict[int, Any], parent_of: dict[int, ast.AST],
              function: ast.AST) -> Any | None:
    """The outermost of ``blocks`` that is ``node`` or holds it."""
    found = node if id(node) in blocks else None
    current = parent_of.get(id(node))
    while current is not None and current is not function:
        if id(current) in blocks:
            found = current
        current = parent_of.get(id(current))
    return found


def check_loop(loop: Loop, parent_of: dict[int, ast.AST], function: ast.AST) -> None:
    """Refuse a loop that cannot move to a thread as a whole."""
    kind = "`for` loop" if isinstance(loop, ast.For) else "comprehension"
    where = f"the {kind} at line {loop.lineno} reads a file as it iterates"
    if _ancestor(loop, parent_of, function, lambda n: isinstance(n, ast.ClassDef)) is not None:
        raise Refusal(f"{where}; it runs in a class body, where `await` is not allowed")
    if isinstance(loop, ast.For):
        node = first_exit([loop])
        if isinstance(node, (ast.Break, ast.Continue)):
            raise Refusal(f"{where} and cannot move to a thread: it leaves an enclosing loop "
                          f"(`{type(node).__name__.lower()}`, line {node.lineno})")
        if node is not None:
            raise Refusal(f"{where} and cannot move to a thread: it uses `{type(node).__name__.lower()}` "
                          f"(line {getattr(node, 'lineno', '?')})")
        return
    if _ancestor(loop, parent_of, function, lambda n: isinstance(n, ast.GeneratorExp)) is not None:
        raise Refusal(f"{where}, inside a generator expression; an await there would make it an async generator")
    for node in walk_nodes(loop):
        if isinstance(node, (ast.Await, ast.Yield, ast.YieldFrom, ast.NamedExpr)):
            what = "`:=`" if isinstance(node, ast.NamedExpr) else f"`{type(node).__name__.lower()}`"
            raise Refusal(f"{where} and cannot move to a thread: it uses {what} (line {node.lineno})")


def wrap_comprehension(loop: Loop, parent_of: dict[int, ast.AST], name: str,
                       django: bool) -> tuple[str, ast.expr, Any]:
    """A node edit: ``[...]`` becomes ``await run_in_threadpool(lambda: [...])``."""
    parent = parent_of.get(id(loop))
    parenthesize = (isinstance(parent, (ast.Attribute, ast.Subscript)) and getattr(parent, "value", None) is loop) \
        or (isinstance(parent, ast.Call) and parent.func is loop)

    def rewrite(original: cst.BaseExpression, updated: cst.BaseExpression) -> cst.BaseExpression:
        import libcst as cst

        thunk = cst.Lambda(params=cst.Parameters(), body=updated.with_changes(lpar=[], rpar=[]))
        if django:
            wrapped = cst.Call(func=cst.Call(func=cst.Name(name), args=[cst.Arg(thunk)]), args=[])
        else:
            wrapped = cst.Call(func=cst.Name(name), args=[cst.Arg(thunk)])
        return keep_parens(original, awaited(wrapped, parenthesize and not getattr(original, "lpar", None)))

    assert isinstance(loop, _COMPREHENSIONS)
    return type(loop).__name__, loop, rewrite
