import asyncio
import subprocess

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.on_event("startup")
async def wait_for_replica():  # expect-fix: swap-to-async
    await asyncio.sleep(2)  # expect: UNB100


@app.on_event("shutdown")
async def flush_metrics():  # expect-fix: wrap-in-threadpool
    await run_in_threadpool(
        subprocess.run, ["metrics-flush", "--all"], check=True
    )  # expect: UNB130
