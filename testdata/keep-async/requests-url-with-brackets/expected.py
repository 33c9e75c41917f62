import asyncio

import requests
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.get("/filter")
async def filtered():  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    # requests sends `%5B` and `%5D`; httpx would send the brackets as written.
    reply = await run_in_threadpool(
        requests.get, "https://api.example/items?filter[name]=a"
    )  # expect: UNB110
    return reply.json()
