import shutil
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.models import Item

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.delete("/items/{name}")
async def remove(name: str) -> "Item | None":  # expect-fix: wrap-in-threadpool
    async with app.state.lock:
        await run_in_threadpool(shutil.rmtree, f"/srv/items/{name}")  # expect: UNB120
    return await run_in_threadpool(dict)
