"""Task groups: what a frame starts in one runs as part of it.

``async with asyncio.TaskGroup() as tg`` (anyio's ``create_task_group()``, trio's nursery)
does not end before the tasks it starts do, so the coroutines a frame hands to
``tg.create_task`` run as if awaited there; ``await tg.start(server.run)`` runs
``server.run`` until it reports it has started, and the caller waits for that. A bare
``asyncio.create_task`` is a task of its own (see :func:`.frames.spawned_calls`), unless
the frame awaits the task it made (``task = asyncio.create_task(compute()); await task``):
then the frame waits for all of it, as for a task group's.
"""

from __future__ import annotations

import ast

from .children import walk_nodes
from .definitions import callee_name

#: The calls that open a task group, and the methods that start a coroutine in one.
_TASK_GROUPS = frozenset({"TaskGroup", "create_task_group", "open_nursery"})
_GROUP_SPAWNERS = frozenset({"create_task", "start_soon"})
#: Waits that end when the tasks given to them do (``asyncio.shield(task)``, ``gather``...).
_TASK_WAITS = frozenset({"gather", "wait", "wait_for", "shield"})


def task_group_names(node: ast.AsyncWith) -> set[str]:
    """The names an ``async with`` binds to a task group it opens."""
    return {item.optional_vars.id for item in node.items
            if isinstance(item.optional_vars, ast.Name) and isinstance(item.context_expr, ast.Call)
            and callee_name(item.context_expr) in _TASK_GROUPS}


def is_group_spawn(call: ast.Call, groups: set[str]) -> bool:
    """``tg.create_task(poll())`` on a task group the frame opened (``groups``: their names)."""
    return isinstance(call.func, ast.Attribute) and call.func.attr in _GROUP_SPAWNERS \
        and isinstance(call.func.value, ast.Name) and call.func.value.id in groups


def started_call(call: ast.Call) -> ast.Call | None:
    """``await task_group.start(server.run, port)`` (anyio, trio): the call of ``server.run`` it
    makes, awaited until the task reports it has started; kept on the node, so the same call is
    asked about each time. ``None`` for any other call."""
    if not (isinstance(call.func, ast.Attribute) and call.func.attr == "start" and call.args
            and isinstance(call.args[0], (ast.Name, ast.Attribute)) and not call.keywords):
        return None
    started: ast.Call | None = getattr(call, "_started_call", None)
    if started is None:
        started = ast.copy_location(ast.Call(func=call.args[0], args=call.args[1:], keywords=[]), call)
        call._started_call = started  # type: ignore[attr-defined]
    return started


def awaited_tasks(body: list[ast.stmt], spawners: frozenset[str]) -> set[int]:
    """Ids of the spawning calls (``asyncio.create_task(compute())``) whose task the frame
    awaits: directly (``await asyncio.create_task(...)``) or by the name it binds it to
    (``await task``, ``await asyncio.wait_for(task, 5)``, ``await asyncio.gather(a, b)``), or a
    list of them (``tasks = [asyncio.create_task(fetch(u)) for u in urls]``, then
    ``await asyncio.gather(*tasks)``). Not a task a lifespan starts before its ``yield`` and
    awaits after it: that one runs beside the application, and is a task of its own."""
    awaited_at: dict[str, list[int]] = {}
    found: set[int] = set()
    bound: list[tuple[str, ast.Call]] = []
    yields: list[int] = []
    for statement in body:
        for node in walk_nodes(statement):
            if isinstance(node, (ast.Yield, ast.YieldFrom)):
                yields.append(node.lineno)
            elif isinstance(node, ast.Await):
                waited = [node.value]
                if isinstance(node.value, ast.Call) and callee_name(node.value) in _TASK_WAITS:
                    waited += [a.value if isinstance(a, ast.Starred) else a for a in node.value.args]
                for name in (w.id for w in waited if isinstance(w, ast.Name)):
                    awaited_at.setdefault(name, []).append(node.lineno)
                found |= {id(w) for w in waited if isinstance(w, ast.Call) and callee_name(w) in spawners}
            elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                value = node.value.elt if isinstance(node.value, ast.ListComp) else node.value
                if isinstance(value, ast.Call) and callee_name(value) in spawners:
                    bound.append((node.targets[0].id, value))
    return found | {id(call) for name, call in bound for line in awaited_at.get(name, ())
                    if not any(call.lineno < at <= line for at in yields)}
