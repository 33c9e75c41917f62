import asyncio
import shutil
import time
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool


async def prune_uploads():  # expect-fix: wrap-in-threadpool
    while True:
        await run_in_threadpool(
            shutil.rmtree, "/srv/uploads/expired", ignore_errors=True
        )  # expect: UNB120
        await asyncio.sleep(3600)


async def heartbeat():
    while True:
        await asyncio.sleep(30)


async def refresh_cache():  # expect-fix: swap-to-async
    await asyncio.sleep(0.5)  # expect: UNB100


async def warm_up():
    asyncio.ensure_future(refresh_cache())


@asynccontextmanager
async def lifespan(app: FastAPI):
    pruning = asyncio.create_task(prune_uploads())
    asyncio.create_task(heartbeat())
    asyncio.create_task(warm_up())
    yield
    pruning.cancel()


app = FastAPI(lifespan=lifespan)


def register_retention(app: FastAPI, days: int) -> None:
    async def retention_loop():  # expect-fix: swap-to-async
        while True:
            await asyncio.sleep(days)  # expect: UNB100

    @app.on_event("startup")
    async def start_retention():
        asyncio.create_task(retention_loop())


async def command_line_report():
    time.sleep(1)


async def main():
    asyncio.create_task(command_line_report())
