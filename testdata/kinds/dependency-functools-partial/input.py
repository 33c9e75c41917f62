from functools import partial

import requests
from fastapi import Depends, FastAPI

app = FastAPI()


async def regional_prices(region: str) -> dict:  # expect-fix: convert-to-def
    reply = requests.get(f"https://prices.example/{region}", timeout=5)  # expect: UNB110
    return reply.json()


@app.get("/eu/prices")
async def eu_prices(prices: dict = Depends(partial(regional_prices, "eu"))):
    return prices
