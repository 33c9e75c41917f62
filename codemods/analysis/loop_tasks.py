"""Coroutines a served function schedules on the server's own event loop.

``asyncio.create_task(poll())`` inside a route runs ``poll`` on the loop that serves every
other request, so ``poll`` is checked like a handler. This module finds those coroutines in
one module and returns them as registrations of kind ``TASK``, each naming the function that
spawned it. It takes the collector's ``target_key`` (how an expression names a function of
the project) rather than importing the collector, so the two stay one-way.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from ..models import Kind
from .definitions import DefinedFunction, callee_name, calls_in
from .frames import LOOP_SPAWNERS, frame_calls
from .lazy_bodies import unread_without, words_pattern
from .modules import ModuleInfo, function_key
from .registry import Registration
from .resolver import Resolver
from .scope import Scope

#: How the collector turns an expression into the key of the function it names.
TargetKey = Callable[[ast.expr, Scope], "str | None"]


def spawned_task(expr: ast.expr, scope: Scope, spawner: str, target_key: TargetKey,
                 relay: bool = False) -> Registration | None:
    """The registration of the coroutine function ``expr`` names, run by ``spawner``."""
    key = target_key(expr, scope)
    return Registration(key, Kind.TASK, spawned_by=spawner, relay=relay) if key is not None else None


def loop_tasks(module: ModuleInfo, resolver: Resolver, target_key: TargetKey) -> list[Registration]:
    """Coroutines scheduled on the server's loop (``create_task(poll())``) by an ``async def``,
    by a ``def`` nested in one (it runs on that loop), or by a plain ``def`` of the project
    that an ``async def`` hands the coroutine to (``track(handle_chat(ws))``). An ``async def``
    that schedules tasks counts as running on the loop when a served function calls it (a
    relay: the websocket route awaits the helper that spawns)."""
    return _Spawns(resolver, target_key).collect(module)


class _Spawns:
    def __init__(self, resolver: Resolver, target_key: TargetKey) -> None:
        self.resolver = resolver
        self.target_key = target_key
        self.found: list[Registration] = []
        #: id of a function node -> whether it schedules tasks (``create_task``...) anywhere in its body.
        self._spawning: dict[int, bool] = {}

    def collect(self, module: ModuleInfo) -> list[Registration]:
        spawning = self.resolver.hierarchy.functions_calling(LOOP_SPAWNERS)
        # The text of what each kind of function is looked at for (see the loop below).
        in_async, in_sync = words_pattern(LOOP_SPAWNERS | spawning), words_pattern(LOOP_SPAWNERS)
        for function in module.functions:
            frame: DefinedFunction | None = function
            while frame is not None and not frame.is_async:
                frame = frame.parent
            if frame is None or unread_without(function.node, in_async if function.is_async else in_sync):
                continue  # no call in its lines is one of those: left unparsed
            spawner = function_key(module.path, frame.qualname)
            for call in frame_calls(function.node.body):
                if callee_name(call) in LOOP_SPAWNERS:
                    if call.args and isinstance(call.args[0], ast.Call):
                        self._task(call.args[0].func, function.scope, spawner)
                elif function.is_async and callee_name(call) in spawning:
                    self._through_helper(call, function.scope, spawner)
        return self.found

    def _task(self, expr: ast.expr, scope: Scope, spawner: str) -> None:
        if (task := spawned_task(expr, scope, spawner, self.target_key)) is not None:
            self.found.append(task)

    def _through_helper(self, call: ast.Call, scope: Scope, spawner: str) -> None:
        target = self.resolver.call_target(call, scope)
        if target is None or target.function is None or target.module is None:
            return
        helper = target.function
        if id(helper.node) not in self._spawning:  # many calls of one module reach the same helpers
            self._spawning[id(helper.node)] = any(callee_name(c) in LOOP_SPAWNERS for c in calls_in(helper.node))
        if not self._spawning[id(helper.node)]:
            return
        if helper.is_async:
            key = function_key(target.module.path, helper.qualname)
            self.found.append(Registration(key, Kind.TASK, spawned_by=spawner, relay=True))
            return
        for argument in call.args:
            if isinstance(argument, ast.Call):
                self._task(argument.func, scope, spawner)
