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


@app.get("/with-token")
async def with_token(token: str | None = None):  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    # requests drops a header whose value is None; httpx raises TypeError: not swapped.
    reply = requests.get("https://api.example/me", headers={"Authorization": token})  # expect: UNB110
    return reply.json()


@app.get("/commented")
async def commented(q: str):  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    # The swap rebuilds the call's arguments and would lose the comment: not swapped.
    reply = requests.get(  # expect: UNB110
        "https://api.example/search",  # the search endpoint
        params={"q": q},
    )
    return reply.json()
