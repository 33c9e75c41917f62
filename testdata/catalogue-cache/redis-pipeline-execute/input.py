import redis
from fastapi import FastAPI

app = FastAPI()
r = redis.Redis()


@app.post("/rate/{client_id}")
async def rate(client_id: str):  # expect-fix: convert-to-def
    key = f"rate:{client_id}"
    with r.pipeline() as pipe:
        pipe.incr(key)
        pipe.expire(key, 60)
        count, _ = pipe.execute()  # expect: UNB150
    return {"count": count}
