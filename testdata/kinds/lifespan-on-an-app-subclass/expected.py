"""An application made from a project subclass of FastAPI still runs the handlers it is given."""

import json
import os
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse


class ConfiguredApp(FastAPI):
    config_path: str = "config"
    challenges: list[dict] = []


@asynccontextmanager
async def lifespan(app: ConfiguredApp):  # expect-fix: wrap-in-threadpool
    path = os.path.join(app.config_path, "challenges.json")
    if os.path.exists(path):

        def _blocking_io_1():
            with open(path) as f:  # expect: UNB120
                app.challenges = json.load(f)  # expect: UNB120

        await run_in_threadpool(_blocking_io_1)
    yield


def on_value_error(request: Request, exc: ValueError):  # expect-fix: convert-to-def
    with open("errors.log", "a") as log:  # expect: UNB120
        log.write(f"{request.url}: {exc}\n")  # expect: UNB120
    return JSONResponse({"detail": str(exc)}, status_code=400)


class Settings:
    def __init__(self, title: str, lifespan: object = None) -> None:
        self.title = title
        self.lifespan = lifespan


async def not_a_lifespan(app: object):
    with open("never-run.txt") as f:
        yield f.read()


app = ConfiguredApp(title="guardrails", lifespan=lifespan, exception_handlers={ValueError: on_value_error})
settings = Settings("not an app", lifespan=not_a_lifespan)
