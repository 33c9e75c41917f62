import asyncio

import httpx
import requests
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

_httpx_tls_context = httpx.create_ssl_context()

app = FastAPI()


@app.get("/search")
async def search(q: str | None = None, page: int = 1):  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    # requests drops `q` when it is None; httpx would send `q=`: not swapped.
    reply = await run_in_threadpool(
        requests.get, "https://api.example/search", params={"q": q, "page": page}
    )  # expect: UNB110
    return reply.json()


@app.get("/flags")
async def flags():  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    # requests writes True as `True`, httpx as `true`: not swapped.
    reply = await run_in_threadpool(
        requests.post, "https://api.example/flags", data={"enabled": True}
    )  # expect: UNB110
    return reply.status_code


@app.get("/typed")
async def typed(q: str, page: int = 1):  # expect-fix: swap-to-async
    await asyncio.sleep(0)
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, max_redirects=30, verify=_httpx_tls_context
    ) as http_client:
        reply = await http_client.get(
            "https://api.example/search", params={"q": q, "page": page}
        )  # expect: UNB110
    return reply.json()


@app.get("/with-token")
async def with_token(token: str | None = None):  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    # requests drops a header whose value is None; httpx raises TypeError: not swapped.
    reply = await run_in_threadpool(
        requests.get, "https://api.example/me", headers={"Authorization": token}
    )  # expect: UNB110
    return reply.json()


@app.get("/commented")
async def commented(q: str):  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    # The swap rebuilds the call's arguments and would lose the comment: not swapped.
    reply = await run_in_threadpool(  # expect: UNB110
        requests.get,
        "https://api.example/search",  # the search endpoint
        params={"q": q},
    )
    return reply.json()
