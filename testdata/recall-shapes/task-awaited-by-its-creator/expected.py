"""A task the handler awaits runs within the handler's time: ``create_task`` then ``await``."""

import asyncio
from contextlib import asynccontextmanager

import requests
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool


async def refresh_admins_forever() -> None:  # expect-fix: wrap-in-threadpool
    while True:
        await run_in_threadpool(count_admins)  # expect: UNB110
        await asyncio.sleep(60)


@asynccontextmanager
async def lifespan(app: FastAPI):
    # A task beside the application: started before the yield, awaited after it.
    refresher = asyncio.create_task(refresh_admins_forever())
    yield
    refresher.cancel()
    await asyncio.wait_for(refresher, timeout=5)


app = FastAPI(lifespan=lifespan)
_inflight: dict[str, asyncio.Task[dict]] = {}


def count_admins() -> int:
    return requests.get("https://users.example.com/admins/count", timeout=5).json()["count"]


@app.get("/setup-status")
async def setup_status(client: str):  # expect-fix: wrap-in-threadpool
    task = _inflight.get(client)
    if task is None:

        async def compute() -> dict:  # expect-fix: wrap-in-threadpool
            return {
                "needs_setup": await run_in_threadpool(count_admins) == 0
            }  # expect: UNB110

        task = asyncio.create_task(compute())  # expect: UNB110
        _inflight[client] = task
    try:
        return await task
    finally:
        _inflight.pop(client, None)


async def score(name: str) -> int:  # expect-fix: wrap-in-threadpool
    return await run_in_threadpool(count_admins) + len(name)  # expect: UNB110


@app.post("/scores")
async def scores(names: list[str]):  # expect-fix: wrap-in-threadpool
    tasks = [asyncio.create_task(score(name)) for name in names]  # expect: UNB110
    return await asyncio.gather(*tasks)


@app.post("/scores/later")
async def scores_later(names: list[str]):
    for name in names:
        _inflight[name] = asyncio.create_task(score(name))  # runs on its own, after the response
    return {"queued": len(names)}
