import asyncio
import subprocess

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.post("/reindex")
async def reindex():  # expect-fix: wrap-in-threadpool
    loop = asyncio.get_running_loop()
    started = loop.time()
    await run_in_threadpool(subprocess.run, ["make", "index"])  # expect: UNB130
    return {"took": loop.time() - started}
