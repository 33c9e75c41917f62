import asyncio
from concurrent.futures import ThreadPoolExecutor

from fastapi import FastAPI

app = FastAPI()
executor = ThreadPoolExecutor()
ready = asyncio.Event()
inbox: asyncio.Queue = asyncio.Queue()


def heavy(n: int) -> int:
    return n * 2


@app.get("/wait/{n}")
async def wait_for(n: int):
    await asyncio.wait_for(ready.wait(), timeout=1)
    item = await inbox.get()
    doubled = await asyncio.wrap_future(executor.submit(heavy, n))
    return {"item": item, "doubled": doubled}
