import json
import time

from fastapi.responses import HTMLResponse

# An app made by a library the analysis does not read: nothing says it is a
# FastAPI app, but in a module that imports FastAPI, route decorators with a
# path are taken for what they are.
from vendor_platform.api import app


@app.get("/")
async def landing():  # expect-fix: convert-to-def
    with open("landing.html") as f:  # expect: UNB120
        return HTMLResponse(f.read())  # expect: UNB120


def attach_health(router):
    # An unannotated router handed in by the caller.
    @router.get("/health")
    async def health():  # expect-fix: convert-to-def
        time.sleep(0.1)  # expect: UNB100
        return {"ok": True}

    return health


class Registry:
    """A project class with a `get` decorator of its own: not an app."""

    def get(self, path: str):
        def register(function):
            return function

        return register


registry = Registry()


@registry.get("/tools")
async def tools():
    with open("tools.json") as f:
        return json.load(f)
