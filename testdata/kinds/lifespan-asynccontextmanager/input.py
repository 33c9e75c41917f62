import json
from contextlib import asynccontextmanager

from fastapi import FastAPI


@asynccontextmanager
async def lifespan(app: FastAPI):  # expect-fix: wrap-in-threadpool
    with open("model-config.json", encoding="utf-8") as handle:  # expect: UNB120
        app.state.model_config = json.load(handle)  # expect: UNB120
    yield
    app.state.model_config = None


app = FastAPI(lifespan=lifespan)
