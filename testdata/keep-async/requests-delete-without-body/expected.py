import asyncio
import json

import httpx
import requests
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

_httpx_tls_context = httpx.create_ssl_context()

app = FastAPI()


@app.delete("/items/{item_id}")
async def delete_item(item_id: int):  # expect-fix: swap-to-async
    await asyncio.sleep(0)
    # requests sends `Content-Length: 0` on a bodiless DELETE; httpx does not,
    # unless the client sets it.
    async with httpx.AsyncClient(
        follow_redirects=True,
        timeout=None,
        max_redirects=30,
        headers={"Content-Length": "0"},
        verify=_httpx_tls_context,
    ) as http_client:
        reply = await http_client.delete(
            f"https://api.example/items/{item_id}", timeout=5
        )  # expect: UNB110
    return reply.status_code


@app.delete("/any/{method}")
async def any_method(method: str):  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    # A method named at run time: whether requests adds the header depends on it.
    reply = await run_in_threadpool(
        requests.request, method, "https://api.example/any", timeout=5
    )  # expect: UNB110
    return reply.status_code


@app.delete("/batch")
async def delete_batch():  # expect-fix: swap-to-async
    await asyncio.sleep(0)
    # An empty JSON document is still a body (`{}`): no Content-Length: 0 here.
    async with httpx.AsyncClient(
        follow_redirects=True,
        timeout=None,
        max_redirects=30,
        headers={"Content-Type": "application/json"},
        verify=_httpx_tls_context,
    ) as http_client:
        reply = await http_client.request(
            "DELETE",
            "https://api.example/batch",
            content=json.dumps({}, allow_nan=False),
            timeout=5,
        )  # expect: UNB110
    return reply.status_code
