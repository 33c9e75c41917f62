import redis
from fastapi import FastAPI

app = FastAPI()


@app.post("/hits")
async def hit():  # expect-fix: convert-to-def
    r = redis.Redis.from_url("redis://cache:6379/0")
    count = r.incr("hits")  # expect: UNB150
    other = redis.from_url("redis://cache:6379/1")
    other.zadd("leaderboard", {"anon": count})  # expect: UNB150
    return {"hits": count}
