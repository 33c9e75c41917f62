import asyncio

import requests
from fastapi import FastAPI

app = FastAPI()


@app.post("/notify")
async def notify(item: str):  # expect-fix: swap-to-async
    # move-to-background is unsafe: without --prefer background a safe fix wins.
    await asyncio.sleep(0)
    requests.post("https://hooks.example/in", data={"item": item}, timeout=5)  # expect: UNB110
    return {"item": item}
