import asyncio

import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/filter")
async def filtered():  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    # requests sends `%5B` and `%5D`; httpx would send the brackets as written.
    reply = requests.get("https://api.example/items?filter[name]=a")  # expect: UNB110
    return reply.json()
