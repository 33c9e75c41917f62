"""move-to-background: hand an external call whose result nobody reads to ``BackgroundTasks``.

What it does
    ``notify_slack(message)`` as a statement of a route becomes
    ``background_tasks.add_task(notify_slack, message)``: FastAPI runs it
    after the response is sent, in its threadpool (a ``def``), so neither the
    loop nor the client waits. A ``BackgroundTasks`` parameter the function
    already has is reused; otherwise ``background_tasks: BackgroundTasks`` is
    added (before the first parameter with a default, or among the
    keyword-only ones) and imported from ``fastapi``.

When it applies
    FastAPI's async guide gives this remedy for a notification, a webhook, an
    audit write or an e-mail. So every blocking call of the function must be:
    an external call (HTTP, e-mail, network, cloud or vendor SDK; not a file,
    a database or a cache the request may read back), made as a whole
    statement whose value is unused, in the body or under an ``if`` (not in
    a loop, ``try`` or ``with``, whose control flow or error handling it
    would leave), with no ``raise`` after it (FastAPI runs background tasks
    only after a response), of a module-level function (not a method of an object the
    handler goes on using), with arguments the handler does not read
    afterwards unless they are plain strings or numbers, which the call
    cannot change. The function is a route or a dependency (FastAPI injects
    ``BackgroundTasks`` into both), nothing in the project calls it (a new
    parameter would break the call), and it builds no response with its own
    ``background=`` (FastAPI would then drop the injected tasks).

Fix safety
    Unsafe: the call runs later, its errors no longer reach the client (a
    failed webhook used to be a 500 and is now a log line), and it does not
    run at all if the handler fails after it. Applied with
    ``--unsafe-fixes``, or chosen first with ``--prefer background``.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from ..analysis.children import walk_nodes
from ..models import FixPlan, Kind, Strategy
from ..transform import NodeEdit
from .base import FixContext, Refusal
from .calls import parents, prepend_callable
from .http_bytes import is_scalar

if TYPE_CHECKING:
    import libcst as cst

    from ..transform import FileEdits

#: Catalogue categories of calls whose effect is outside the process: the request cannot read it back.
_EXTERNAL = frozenset({"http", "email", "network", "cloud", "vendor"})
_KINDS = frozenset({Kind.ROUTE, Kind.DEPENDENCY})
_CLASS = "BackgroundTasks"
_CLASS_NAMES = frozenset({"fastapi.BackgroundTasks", "fastapi.background.BackgroundTasks",
                          "starlette.background.BackgroundTasks"})
UNSAFE_REASON = ("runs after the response is sent: the client no longer waits for it, its errors no "
                 "longer reach the client (they are logged), and it does not run if the handler fails afterwards")


class MoveToBackground:
    strategy = Strategy.MOVE_TO_BACKGROUND
    summary = "hand the blocking call to `BackgroundTasks`: it runs after the response"

    def plan(self, context: FixContext) -> FixPlan:
        _movable_statements(context)  # raises Refusal when a call cannot move
        added = ""
        if _existing_parameter(context) is None:
            added = f"; adds a `{_fresh(context)}: {_CLASS}` parameter"
        shown = ", ".join(f"`{name}`" for name in sorted({c.via[0] if c.via else c.name for c in context.calls}))
        return FixPlan(self.strategy, False, f"{shown} {UNSAFE_REASON}{added}")

    def edit(self, context: FixContext, edits: FileEdits) -> None:
        statements = _movable_statements(context)
        name = _existing_parameter(context)
        if name is None:
            name = _fresh(context)
            edits.nodes.append(NodeEdit("FunctionDef", context.function.lineno, context.name_column(),
                                        _add_parameter(context.function, name)))
            edits.add_imports.add(("fastapi", _CLASS))
        for call in statements:
            line = call.lineno
            edits.nodes.append(NodeEdit("Call", line, context.char_column(line, call.col_offset), _add_task(name),
                                        context.end_of(call)))


def _movable_statements(context: FixContext) -> list[ast.Call]:
    """The blocking calls, each checked to be movable (or a :class:`Refusal` saying why not)."""
    if context.kind not in _KINDS:
        raise Refusal(f"FastAPI gives `{_CLASS}` to routes and dependencies, not to a {context.kind.value}")
    if context.callers:
        raise Refusal(f"called in the project ({context.callers[0].where}); a new parameter would break the call")
    function = context.function
    if any(isinstance(n, ast.keyword) and n.arg == "background" for n in walk_nodes(function)):
        raise Refusal("builds a response with its own `background=`, which replaces the injected tasks")
    parent_of = parents(function)
    calls: list[ast.Call] = []
    for call in context.calls:
        if call.api.category not in _EXTERNAL:
            raise Refusal(f"`{call.name}` ({call.api.category}) has effects the request may read back")
        if call.awaited or call.loop is not None or call.read is not None:
            raise Refusal(f"`{call.name}` is not a plain call statement")
        statement = parent_of.get(id(call.node))
        if not isinstance(statement, ast.Expr):
            raise Refusal(f"the value of `{call.name}` is used (line {call.node.lineno})")
        _check_enclosing(statement, parent_of, function)
        _check_no_raise_after(statement, function)
        _check_callee(call.node, context)
        _check_arguments(call.node, statement, context)
        calls.append(call.node)
    return calls


def _check_enclosing(statement: ast.stmt, parent_of: dict[int, ast.AST], function: ast.AST) -> None:
    node = parent_of.get(id(statement))
    while node is not None and node is not function:
        if not isinstance(node, ast.If):
            kind = type(node).__name__.lower()
            raise Refusal(f"the call sits in a `{kind}` (line {statement.lineno}), whose flow it would leave")
        node = parent_of.get(id(node))


def _check_no_raise_after(statement: ast.stmt, function: ast.AST) -> None:
    """FastAPI runs background tasks only after a response: a handler that then raises
    (``raise HTTPException(400)`` after an alert) would drop the call."""
    end = statement.end_lineno or statement.lineno
    raised = [n for n in walk_nodes(function) if isinstance(n, ast.Raise) and n.lineno > end]
    if raised:
        raise Refusal(f"raises after the call (line {raised[0].lineno}); background tasks run only after a response")


def _check_callee(call: ast.Call, context: FixContext) -> None:
    root = call.func
    while isinstance(root, ast.Attribute):
        root = root.value
    found = context.scope.lookup(root.id) if isinstance(root, ast.Name) else None
    if found is None or found[0].parent is not None or any(b.kind not in ("import", "function") for b in found[1]):
        raise Refusal(f"`{ast.unparse(call.func)}` is not a module-level function; its object stays in use")
    if any(k.arg == "func" for k in call.keywords):
        raise Refusal("the call takes a `func=` argument, which `add_task` reserves")


def _check_arguments(call: ast.Call, statement: ast.stmt, context: FixContext) -> None:
    """The handler must not read, after the call, an object the call was given and might change.

    Strings, numbers and other immutable values cannot change; a dict or list built
    in the call's arguments is new, so only what it holds counts.
    """
    end = statement.end_lineno or statement.lineno
    later = {n.id for n in walk_nodes(context.function)
             if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and n.lineno > end}
    pending: list[ast.expr] = [*call.args, *(k.value for k in call.keywords)]
    while pending:
        value = pending.pop()
        if isinstance(value, ast.Starred):
            value = value.value
        if isinstance(value, (ast.Dict, ast.List, ast.Tuple, ast.Set)):
            pending.extend(e for e in (value.values if isinstance(value, ast.Dict) else value.elts) if e is not None)
            continue
        if _immutable(value, context, 0):
            continue
        read = sorted({n.id for n in walk_nodes(value) if isinstance(n, ast.Name)} & later)
        if read:
            raise Refusal(f"`{read[0]}` is passed to the call and read after it; the call might change it")


_IMMUTABLE_TYPES = frozenset({"builtins.str", "builtins.int", "builtins.float", "builtins.bool", "builtins.bytes",
                              "datetime.datetime", "datetime.date", "uuid.UUID", "decimal.Decimal"})
_ARITHMETIC = (ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow)


def _immutable(value: ast.expr, context: FixContext, depth: int) -> bool:
    """A value the call cannot change: a constant, a string or number, or arithmetic with a number."""
    if isinstance(value, (ast.Constant, ast.JoinedStr, ast.Compare, ast.BoolOp)) or is_scalar(value, context, 0):
        return True
    if isinstance(value, ast.BinOp) and isinstance(value.op, _ARITHMETIC):
        numbers = [side for side in (value.left, value.right)
                   if isinstance(side, ast.Constant) and isinstance(side.value, (int, float))]
        return bool(numbers) or all(_immutable(side, context, depth) for side in (value.left, value.right))
    if isinstance(value, ast.Name) and depth < 3:
        found = context.scope.lookup(value.id)
        if found is not None and found[0] is context.scope and all(
            b.kind == "value" and isinstance(b.node, ast.expr) and _immutable(b.node, context, depth + 1)
            for b in found[1]
        ):
            return True
    return context.resolver.type_of(value, context.scope) in _IMMUTABLE_TYPES


def _existing_parameter(context: FixContext) -> str | None:
    arguments = context.function.args
    for parameter in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]:
        annotation = parameter.annotation
        if annotation is not None and context.resolver.qualified(annotation, context.scope) in _CLASS_NAMES:
            return parameter.arg
    return None


def _fresh(context: FixContext) -> str:
    bound = context.module.scope.bindings.get(_CLASS, [])
    if any(b.kind != "import" or b.target not in _CLASS_NAMES for b in bound):
        raise Refusal(f"`{_CLASS}` already means something else in this module")
    arguments = context.function.args
    if arguments.vararg is not None or arguments.kwarg is not None:
        raise Refusal("takes `*args`/`**kwargs`; a new parameter cannot be placed")
    positional = [*arguments.posonlyargs, *arguments.args]
    if arguments.posonlyargs and len(arguments.defaults) > len(arguments.args):
        raise Refusal("a positional-only parameter has a default; a new parameter cannot be placed")
    taken = set(context.scope.bindings) | {a.arg for a in positional}
    name, index = "background_tasks", 1
    while name in taken:
        index += 1
        name = f"background_tasks_{index}"
    return name


def _add_parameter(function: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> Any:
    """Before the first parameter with a default, else last (keyword-only ones kept after ``*``)."""
    arguments = function.args
    has_kwonly = bool(arguments.kwonlyargs)
    first_default = len(arguments.args) - len(arguments.defaults)

    def rewrite(original: cst.FunctionDef, updated: cst.FunctionDef) -> cst.FunctionDef:
        import libcst as cst

        new = cst.Param(name=cst.Name(name), annotation=cst.Annotation(cst.Name(_CLASS)))
        # Between two parameters: what follows "(" (an exploded list stays one per line).
        layout = updated.whitespace_before_params
        if isinstance(layout, cst.ParenthesizedWhitespace):
            middle = cst.Comma(whitespace_after=layout.with_changes(first_line=cst.TrailingWhitespace()))
        else:
            middle = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        params = updated.params
        if has_kwonly:
            kwonly = _inserted(list(params.kwonly_params), len(params.kwonly_params), new, middle)
            return updated.with_changes(params=params.with_changes(kwonly_params=kwonly))
        index = first_default if arguments.defaults else len(params.params)
        positional = _inserted(list(params.params), index, new, middle)
        return updated.with_changes(params=params.with_changes(params=positional))

    return rewrite


def _inserted(params: list[Any], index: int, new: Any, middle: Any) -> list[Any]:
    """``new`` at ``index``; the last parameter keeps the list's closing comma (or none)."""
    if index < len(params):
        return [*params[:index], new.with_changes(comma=middle), *params[index:]]
    if not params:
        return [new]
    last = params[-1]
    return [*params[:-1], last.with_changes(comma=middle), new.with_changes(comma=last.comma)]


def _add_task(name: str) -> Any:
    def rewrite(original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        import libcst as cst

        return prepend_callable(updated, cst.Attribute(value=cst.Name(name), attr=cst.Name("add_task")))

    return rewrite
