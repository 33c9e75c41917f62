"""A lifespan built by a factory: ``FastAPI(lifespan=get_lifespan(...))`` runs the function the
factory returns, whether the call is passed directly or first kept in a variable."""

import json
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

SETTINGS = Path("settings.json")


def get_lifespan(*, reload_settings: bool = True):
    def describe() -> str:
        return "settings loader"

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # expect-fix: wrap-in-threadpool
        app.state.settings = json.loads(SETTINGS.read_text())  # expect: UNB120
        app.state.name = describe()
        yield

    return lifespan


def create_app() -> FastAPI:
    lifespan = get_lifespan(reload_settings=False)
    return FastAPI(lifespan=lifespan)


admin_app = FastAPI(lifespan=get_lifespan())
