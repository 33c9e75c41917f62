import asyncio

import httpx
from fastapi import FastAPI

app = FastAPI()


class Cache:
    token = None


cache = Cache()


async def fetch_token() -> str:
    async with httpx.AsyncClient() as client:
        reply = await client.post("https://auth.example/token")
        return reply.text


@app.get("/report")
async def report():  # expect-fix: swap-to-async
    if cache.token is None:
        cache.token = await fetch_token()
    await asyncio.sleep(0.5)  # expect: UNB100
    return {"token": cache.token}
