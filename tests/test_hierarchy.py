"""The text-level index of the functions that may schedule tasks (``Hierarchy.functions_calling``)."""

from __future__ import annotations

import re

from codemods.analysis.hierarchy import _enclosing_defs

_SPAWNERS = re.compile(rb"\b(?:create_task|ensure_future)\s*\(")

_SOURCE = b'''\
import asyncio

asyncio.create_task(boot())  # module level: no function


def plain():
    return 1


async def outer():
    def inner():
        asyncio.ensure_future(work())
    inner()


class Poller:
    async def start(self):
        """Starts it.
Not indented: a docstring line, not a definition.
        """
        self.task = asyncio.create_task(self.loop())

    def stop(self):
        self.task.cancel()


def mentions_only():
    name = "create_task"
    return name
'''


def test_a_call_counts_for_every_function_around_it_and_nothing_else() -> None:
    assert _enclosing_defs(_SOURCE, _SPAWNERS) == {"outer", "inner", "start"}


def test_tabs_and_a_call_on_a_continuation_line() -> None:
    source = b"async def run():\n\tloop = get()\n\treturn loop.create_task(\n\t\tpoll())\n"
    assert _enclosing_defs(source, _SPAWNERS) == {"run"}
