"""Routes that sleep 0.2 s: one with nothing awaited (convert-to-def), one that awaits (swap)."""

import asyncio
import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/sleep")
async def sleep_route():
    time.sleep(0.2)
    return {"slept": 0.2}


@app.get("/sleep-await")
async def sleep_await_route():
    await asyncio.sleep(0)
    time.sleep(0.2)
    return {"slept": 0.2}
