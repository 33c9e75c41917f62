import asyncio

import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/price/{symbol}")
async def price(symbol: str):  # expect-fix: wrap-in-threadpool
    return requests.get(f"https://ticker.example/{symbol}").json()  # expect: UNB110


@app.get("/portfolio")
async def portfolio():  # expect-fix: wrap-in-threadpool
    first, second = await asyncio.gather(price("ACME"), price("INIT"))  # expect: UNB110
    return {"ACME": first, "INIT": second}
