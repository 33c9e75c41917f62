"""Not blocking APIs: the framework objects the analysis needs to recognise as types.

``app = FastAPI()`` or ``self.router = APIRouter()`` must have a type so that
``@self.router.get(...)`` is recognised as a route decorator. APScheduler's
schedulers are typed so that only an ``AsyncIOScheduler`` is taken to run its
coroutine jobs on the server's loop (see ``analysis/schedulers.py``). A
dependency-injection container gives the class it is asked for
(``await container.get(ManagementService)``: the type :data:`PASSED_CLASS` names).
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

#: A result that is an instance of the class passed as the argument at this position.
PASSED_CLASS = "argument:"
#: Dependency-injection containers whose ``get`` (punq's and lagom's ``resolve``) makes or
#: finds an instance of the class passed; entering a dishka container's scope gives a container.
_CONTAINERS = {"dishka.AsyncContainer": "get", "dishka.Container": "get", "injector.Injector": "get",
               "svcs.Container": "get", "punq.Container": "resolve", "lagom.Container": "resolve"}

ENTRIES: list[BlockingApi] = []
RETURNS: list[Returns] = [
    *(Returns(name, name) for name in (*_APPS, *_SCHEDULERS, *_CONNECTIONS)),
    *(Returns(f"{connection}.app", "fastapi.FastAPI") for connection in _CONNECTIONS),
    *(Returns(f"{owner}.state", _STATE) for owner in (*_CONNECTIONS, "fastapi.FastAPI", "starlette.applications.Starlette")),
    *(Returns(container, container) for container in _CONTAINERS),
    *(Returns(f"{container}.{method}", f"{PASSED_CLASS}0") for container, method in _CONTAINERS.items()),
    *(Returns(f"dishka.{kind}.__call__", f"dishka.{kind}") for kind in ("AsyncContainer", "Container")),
]
ALIASES: list[Alias] = [
    Alias("fastapi.applications.FastAPI", "fastapi.FastAPI"),
    Alias("fastapi.routing.APIRouter", "fastapi.APIRouter"),
    *(Alias(name, "fastapi.Request") for name in ("fastapi.requests.Request", "starlette.requests.Request",
                                                   "starlette.requests.HTTPConnection")),
    *(Alias(name, "fastapi.WebSocket") for name in ("fastapi.websockets.WebSocket", "starlette.websockets.WebSocket")),
    Alias("dishka.async_container.AsyncContainer", "dishka.AsyncContainer"),
    Alias("dishka.container.Container", "dishka.Container"),
]
