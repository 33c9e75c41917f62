"""A generic class made with its type arguments (``Executor[WhisperRegistry](...)``) is an
instance of that class, and the arguments it is made with type its parameters. A tuple of
them, returned and iterated, holds either."""

from typing import Generic, TypeVar

import requests
from fastapi import FastAPI

app = FastAPI()
R = TypeVar("R")


class HubRegistry:
    def list_models(self) -> list[str]:
        return requests.get("https://hub.example.com/models", timeout=10).json()


class LocalRegistry:
    def list_models(self) -> list[str]:
        return ["tiny", "base"]


class Executor(Generic[R]):
    def __init__(self, name: str, registry: R) -> None:
        self.name = name
        self.registry = registry


hub = Executor[HubRegistry]("hub", registry=HubRegistry())
local = Executor[LocalRegistry]("local", registry=LocalRegistry())


class Executors:
    def __init__(self) -> None:
        self.hub = hub
        self.local = local

    def all(self) -> tuple:
        return (self.hub, self.local)


@app.get("/models/{executor_name}")
def models(executor_name: str):  # expect-fix: convert-to-def
    executor = Executor[HubRegistry](executor_name, HubRegistry())
    return {"models": executor.registry.list_models()}  # expect: UNB110


@app.get("/hub/models")
def hub_models():  # expect-fix: convert-to-def
    return {"models": hub.registry.list_models()}  # expect: UNB110


@app.get("/models")
def all_models():  # expect-fix: convert-to-def
    # A tuple of executors, iterated: each one's registry may run.
    return {e.name: e.registry.list_models() for e in Executors().all()}  # expect: UNB110
