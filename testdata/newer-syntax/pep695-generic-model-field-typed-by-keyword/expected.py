"""A model's field annotated with a type parameter names no type: the keyword its
constructor calls pass for it does (``Executor[WhisperRegistry](model_registry=...)``)."""

from dataclasses import dataclass
from typing import Any

import requests
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class HubRegistry:
    def list_models(self) -> list[str]:
        return requests.get("https://hub.example.com/models", timeout=10).json()


class Executor[RegistryT](BaseModel):
    name: str
    model_registry: RegistryT


@dataclass
class Job:
    name: str
    runner: Any


class ExecutorRegistry:
    def __init__(self) -> None:
        self._whisper = Executor[HubRegistry](name="whisper", model_registry=HubRegistry())

    def all_executors(self) -> tuple:
        return (self._whisper,)


@app.get("/models")
def models():  # expect-fix: convert-to-def
    return [e.model_registry.list_models() for e in ExecutorRegistry().all_executors()]  # expect: UNB110


@app.post("/jobs/{name}")
def run_job(name: str):  # expect-fix: convert-to-def
    job = Job(name=name, runner=HubRegistry())
    return job.runner.list_models()  # expect: UNB110
