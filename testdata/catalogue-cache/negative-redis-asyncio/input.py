import redis.asyncio as aioredis
from fastapi import FastAPI

app = FastAPI()
r = aioredis.Redis(host="cache")


@app.post("/visits/{page}")
async def visit(page: str):
    count = await r.incr(f"visits:{page}")
    async with r.pipeline() as pipe:
        pipe.expire(f"visits:{page}", 3600)
        pipe.get("visits:total")
        results = await pipe.execute()
    return {"count": count, "total": results[1]}
