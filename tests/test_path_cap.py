"""The cap on blocking paths per function keeps a path of every category through each
async helper (``analysis.kept_paths.KeptPaths``).

A handler whose helpers reach hundreds of blocking calls keeps only the first 256 paths,
plus the first path through each call an async helper makes. If that one path is of a rule
the run leaves off (``Path.mkdir``: filesystem metadata), the helper's file read behind it
was lost: the first ``--apply`` did not fix the helper and a second run did (agno's session
setup, reached through every storage backend).
"""

from __future__ import annotations

from codemods.api import analyse_source

_NOISY = "\n\n".join(f"def read_{i}():\n    return open('/srv/{i}').read()" for i in range(300))

SOURCE = f'''\
from pathlib import Path

from fastapi import FastAPI

app = FastAPI()


{_NOISY}


def load_session():
    Path("/srv/sessions").mkdir(exist_ok=True)
    with open("/srv/sessions/current") as handle:
        return handle.read()


async def setup():
    return load_session()


async def run():
    everything = [{", ".join(f"read_{i}()" for i in range(300))}]
    return everything, await setup()


@app.get("/")
async def route():
    return await run()
'''


def test_a_helper_past_the_cap_keeps_its_path_of_an_enabled_rule() -> None:
    result = analyse_source(SOURCE, "app.py")
    route = next(f for f in result.findings if f.function == "route")
    through_setup = {(c.name, c.via) for c in route.calls if c.via[:2] == ("run", "setup")}
    assert ("open", ("run", "setup", "load_session")) in through_setup

