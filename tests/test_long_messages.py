"""Messages a reviewer can read when a handler reaches a lot.

In a large application one handler reaches the same blocking calls through hundreds of
paths, one async helper is awaited by hundreds of handlers and a fix touches dozens of
helpers (litellm: a 1.4 MB message, 429 handlers after "awaited by"). A message spells out
three of each and counts the rest; the finding's ``calls`` keep every path (for JSON,
SARIF and baselines).
"""

from __future__ import annotations

from codemods.api import analyse_source
from codemods.models import Finding

_READERS = "\n\n".join(f"def read_{i}():\n    return open('/srv/{i}').read()" for i in range(40))
_ROUTES = "\n\n".join(f"@app.get('/{i}')\nasync def route_{i}():\n    return await load()" for i in range(12))

SOURCE = f'''\
import time

from fastapi import FastAPI

app = FastAPI()


{_READERS}


async def load():
    time.sleep(1)
    return [{", ".join(f"read_{i}()" for i in range(40))}]


{_ROUTES}


@app.get("/few")
async def few():
    return read_0()
'''


def _finding(function: str) -> Finding:
    return next(f for f in analyse_source(SOURCE, "app.py").findings if f.function == function)


def test_three_paths_are_spelled_out_one_per_blocking_call_first() -> None:
    load = _finding("load")
    paths = {" -> ".join((*c.via, c.name)) for c in load.calls}
    assert len(paths) == 81
    spelled = load.message.partition(": it calls ")[2].partition(";")[0]
    assert spelled == "`time.sleep`, `read_0 -> io.TextIOWrapper.read`, `read_0 -> open` and 78 more"


def test_three_awaiting_handlers_are_named_and_the_rest_counted() -> None:
    awaited_by = _finding("load").message.partition("; awaited by ")[2]
    assert awaited_by.count("`route_") == 3
    assert awaited_by.endswith(" and 9 more")


def test_a_short_message_names_everything() -> None:
    few = _finding("few")
    assert few.message.endswith("it calls `read_0 -> io.TextIOWrapper.read`, `read_0 -> open`")


def test_helpers_fixed_elsewhere_are_named_three_at_a_time() -> None:
    helpers = "".join(f"\n\nasync def step_{i}():\n    time.sleep(1)\n" for i in range(5))
    awaits = "".join(f"    await step_{i}()\n" for i in range(5))
    source = (f"import time\n\nfrom fastapi import FastAPI\n\napp = FastAPI(){helpers}\n\n"
              f"@app.get('/')\nasync def route():\n    time.sleep(1)\n{awaits}")
    route = next(f for f in analyse_source(source, "app.py").findings if f.function == "route")
    fixed_in = route.fix.reason.partition("fixed in ")[2].partition(", where")[0]
    assert fixed_in == "`step_0` (app.py:7), `step_1` (app.py:11), `step_2` (app.py:15) and 2 more"
