import shutil
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
import json
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str


@app.post("/items")
async def create(item: Item):  # expect-fix: wrap-in-threadpool
    async with app.state.lock:
        await run_in_threadpool(
            shutil.rmtree, f"/srv/items/{item.name}"
        )  # expect: UNB120
    return json.loads(item.model_dump_json())
