import os
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI


@asynccontextmanager
async def lifespan(app: FastAPI):  # expect-fix: wrap-in-threadpool
    app.state.pipelines = Path("pipelines.yml").read_text()  # expect: UNB120
    yield


def build_app() -> FastAPI:
    # An annotated options dict, filled further below, then spread into FastAPI.
    params: dict[str, object] = {"lifespan": lifespan, "title": "pipelines"}
    if root_path := os.environ.get("ROOT_PATH"):
        params["root_path"] = root_path
    return FastAPI(**params)
