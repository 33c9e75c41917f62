"""Not blocking APIs: the framework objects the analysis needs to recognise as types.

``app = FastAPI()`` or ``self.router = APIRouter()`` must have a type so that
``@self.router.get(...)`` is recognised as a route decorator.
"""

from __future__ import annotations

from .model import Alias, BlockingApi, Returns

_APPS = ("fastapi.FastAPI", "fastapi.APIRouter", "starlette.applications.Starlette", "starlette.routing.Router")

ENTRIES: list[BlockingApi] = []
RETURNS: list[Returns] = [Returns(name, name) for name in _APPS]
ALIASES: list[Alias] = [
    Alias("fastapi.applications.FastAPI", "fastapi.FastAPI"),
    Alias("fastapi.routing.APIRouter", "fastapi.APIRouter"),
]
