import asyncio

import requests
from fastapi import FastAPI

app = FastAPI()


@app.delete("/items/{item_id}")
async def delete_item(item_id: int):  # expect-fix: swap-to-async
    await asyncio.sleep(0)
    # requests sends `Content-Length: 0` on a bodiless DELETE; httpx does not,
    # unless the client sets it.
    reply = requests.delete(f"https://api.example/items/{item_id}", timeout=5)  # expect: UNB110
    return reply.status_code


@app.delete("/any/{method}")
async def any_method(method: str):  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    # A method named at run time: whether requests adds the header depends on it.
    reply = requests.request(method, "https://api.example/any", timeout=5)  # expect: UNB110
    return reply.status_code


@app.delete("/batch")
async def delete_batch():  # expect-fix: swap-to-async
    await asyncio.sleep(0)
    # An empty JSON document is still a body (`{}`): no Content-Length: 0 here.
    reply = requests.delete("https://api.example/batch", json={}, timeout=5)  # expect: UNB110
    return reply.status_code
