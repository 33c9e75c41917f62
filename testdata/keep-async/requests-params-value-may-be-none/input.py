import asyncio

import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/search")
async def search(q: str | None = None, page: int = 1):  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    # requests drops `q` when it is None; httpx would send `q=`: not swapped.
    reply = requests.get("https://api.example/search", params={"q": q, "page": page})  # expect: UNB110
    return reply.json()


@app.get("/flags")
async def flags():  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    # requests writes True as `True`, httpx as `true`: not swapped.
    reply = requests.post("https://api.example/flags", data={"enabled": True})  # expect: UNB110
    return reply.status_code


@app.get("/typed")
async def typed(q: str, page: int = 1):  # expect-fix: swap-to-async
    await asyncio.sleep(0)
    reply = requests.get("https://api.example/search", params={"q": q, "page": page})  # expect: UNB110
    return reply.json()
