from fastapi import FastAPI
from redis.asyncio import Redis

app = FastAPI()


@app.get("/flags/{name}")
async def flag(name: str):
    client = Redis.from_url("redis://cache:6379/0")
    value = await client.get(f"flag:{name}")
    await client.aclose()
    return {"enabled": value == b"1"}
