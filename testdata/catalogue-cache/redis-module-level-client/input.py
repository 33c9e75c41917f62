import json

import redis
from fastapi import FastAPI

app = FastAPI()
cache = redis.Redis(host="cache", port=6379, decode_responses=True)


@app.get("/quotes/{symbol}")
async def quote(symbol: str):  # expect-fix: convert-to-def
    cached = cache.get(f"quote:{symbol}")  # expect: UNB150
    if cached is not None:
        return json.loads(cached)
    fresh = {"symbol": symbol, "price": 0}
    cache.setex(f"quote:{symbol}", 30, json.dumps(fresh))  # expect: UNB150
    return fresh
