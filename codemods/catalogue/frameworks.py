"""Not blocking APIs: the framework objects the analysis needs to recognise as types.

``app = FastAPI()`` or ``self.router = APIRouter()`` must have a type so that
``@self.router.get(...)`` is recognised as a route decorator. APScheduler's
schedulers are typed so that only an ``AsyncIOScheduler`` is taken to run its
coroutine jobs on the server's loop (see ``analysis/schedulers.py``).
"""

from __future__ import annotations

from .model import Alias, BlockingApi, Returns

_APPS = ("fastapi.FastAPI", "fastapi.APIRouter", "starlette.applications.Starlette", "starlette.routing.Router")
_SCHEDULERS = ("apscheduler.schedulers.asyncio.AsyncIOScheduler", "apscheduler.schedulers.background.BackgroundScheduler",
               "apscheduler.schedulers.blocking.BlockingScheduler")

#: ``request.app.state.cache``: the app a connection belongs to, and the ``State`` that
#: apps and connections carry (what its attributes hold: ``analysis/app_state.py``).
_CONNECTIONS = ("fastapi.Request", "fastapi.WebSocket")
_STATE = "starlette.datastructures.State"

ENTRIES: list[BlockingApi] = []
RETURNS: list[Returns] = [
    *(Returns(name, name) for name in (*_APPS, *_SCHEDULERS, *_CONNECTIONS)),
    *(Returns(f"{connection}.app", "fastapi.FastAPI") for connection in _CONNECTIONS),
    *(Returns(f"{owner}.state", _STATE) for owner in (*_CONNECTIONS, "fastapi.FastAPI", "starlette.applications.Starlette")),
]
ALIASES: list[Alias] = [
    Alias("fastapi.applications.FastAPI", "fastapi.FastAPI"),
    Alias("fastapi.routing.APIRouter", "fastapi.APIRouter"),
    *(Alias(name, "fastapi.Request") for name in ("fastapi.requests.Request", "starlette.requests.Request",
                                                   "starlette.requests.HTTPConnection")),
    *(Alias(name, "fastapi.WebSocket") for name in ("fastapi.websockets.WebSocket", "starlette.websockets.WebSocket")),
]
