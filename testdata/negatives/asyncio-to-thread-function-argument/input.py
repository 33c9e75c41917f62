import asyncio
import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/offloaded")
async def offloaded():
    await asyncio.to_thread(time.sleep, 1)
    return {"slept": "in a thread"}
