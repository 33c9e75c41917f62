"""A setting names the implementation an interface runs by its dotted path.

``ServerAPI`` has two sync implementations: an HTTP client for remote use, which blocks,
and native bindings, which reach nothing the tool knows. The settings' default is the
native one, so a server runs it unless configured otherwise: ``heartbeat`` is clean.
``Worker.start`` names the blocking implementation as its default: ``queue_depth`` blocks.
"""

import importlib
from abc import ABC, abstractmethod

import httpx
from fastapi import FastAPI
from pydantic import BaseModel


class ServerAPI(ABC):
    @abstractmethod
    def heartbeat(self) -> int: ...


class HttpClientAPI(ServerAPI):
    def heartbeat(self) -> int:
        return httpx.get("http://chroma:8000/heartbeat").json()["ns"]


class NativeBindingsAPI(ServerAPI):
    def __init__(self, bindings) -> None:
        self.bindings = bindings

    def heartbeat(self) -> int:
        return self.bindings.heartbeat()


class QueueAPI(ABC):
    @abstractmethod
    def depth(self) -> int: ...


class HttpQueueAPI(QueueAPI):
    def depth(self) -> int:
        return httpx.get("http://queue:9000/depth").json()["depth"]


class NativeQueueAPI(QueueAPI):
    def __init__(self, bindings) -> None:
        self.bindings = bindings

    def depth(self) -> int:
        return self.bindings.depth()


class Settings(BaseModel):
    api_impl: str = "app.main.NativeBindingsAPI"
    queue_impl: str = "app.main.HttpQueueAPI"


def load(dotted: str):
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


settings = Settings()
api: ServerAPI = load(settings.api_impl)()
queue: QueueAPI = load(settings.queue_impl)()
app = FastAPI()


@app.get("/heartbeat")
async def heartbeat():
    return {"nanosecond heartbeat": api.heartbeat()}


@app.get("/queue")
async def queue_depth():  # expect-fix: convert-to-def
    return {"depth": queue.depth()}  # expect: UNB110
