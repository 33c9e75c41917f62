"""A route with `with open(...)` and an await: the with-block moves into the threadpool."""

import json
import os

from fastapi import FastAPI, Request

DATA_FILE = os.environ.get("UNBLOCK_DATA_FILE", "data.json")

app = FastAPI()


@app.post("/merge")
async def merge(request: Request):
    extra = await request.json()
    lines = 0
    with open(DATA_FILE) as handle:
        stored = json.load(handle)
        handle.seek(0)
        lines = len(handle.readlines())
    stored.update(extra)
    return {"merged": stored, "lines": lines}
