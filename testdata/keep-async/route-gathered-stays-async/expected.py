import asyncio

import requests
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.get("/price/{symbol}")
async def price(symbol: str):  # expect-fix: wrap-in-threadpool
    return (
        await run_in_threadpool(requests.get, f"https://ticker.example/{symbol}")
    ).json()  # expect: UNB110


@app.get("/portfolio")
async def portfolio():  # expect-fix: wrap-in-threadpool
    first, second = await asyncio.gather(price("ACME"), price("INIT"))  # expect: UNB110
    return {"ACME": first, "INIT": second}
