import asyncio
import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/mixed")
async def mixed():  # expect-fix: swap-to-async
    await asyncio.sleep(0.1)
    time.sleep(0.1)  # expect: UNB100
    return {"done": True}
