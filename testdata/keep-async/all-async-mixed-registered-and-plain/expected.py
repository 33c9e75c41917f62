import asyncio
import time

from fastapi import FastAPI

app = FastAPI()


async def helper():  # expect-fix: swap-to-async
    await asyncio.sleep(1)  # expect: UNB100


@app.get("/route")
def route():  # expect-fix: convert-to-def
    time.sleep(1)  # expect: UNB100
    return "ok"
