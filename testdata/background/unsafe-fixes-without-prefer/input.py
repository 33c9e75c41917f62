import asyncio

import requests
from fastapi import FastAPI

app = FastAPI()


@app.post("/notify")
async def notify(item: str):  # expect-fix: swap-to-async
    # --unsafe-fixes alone does not put an unsafe fix before a safe one.
    await asyncio.sleep(0)
    requests.post("https://hooks.example/in", data={"item": item}, timeout=5)  # expect: UNB110
    return {"item": item}
