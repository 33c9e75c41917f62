import asyncio
from collections.abc import Iterator

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


def iter_chunks(path: str, size: int) -> Iterator[str]:
    with open(path) as f:
        while chunk := f.read(size):
            yield chunk


@app.post("/load")
async def load(path: str):  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    # list() runs the generator to the end: it is list() that moves to the threadpool.
    chunks = await run_in_threadpool(list, iter_chunks(path, 1024))  # expect: UNB120
    return {"chunks": len(chunks)}


@app.post("/first")
async def first(path: str):  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    return {
        "first": await run_in_threadpool(next, iter_chunks(path, 64))
    }  # expect: UNB120
