import json
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool


@asynccontextmanager
async def lifespan(app: FastAPI):  # expect-fix: wrap-in-threadpool
    def _blocking_io_1():
        with open("model-config.json", encoding="utf-8") as handle:  # expect: UNB120
            app.state.model_config = json.load(handle)  # expect: UNB120

    await run_in_threadpool(_blocking_io_1)
    yield
    app.state.model_config = None


app = FastAPI(lifespan=lifespan)
