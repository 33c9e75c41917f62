import redis
from fastapi import FastAPI

app = FastAPI()
r = redis.Redis.from_url("redis://cache:6379/0")


@app.post("/visits/{page}")
def visit(page: str):  # expect-fix: convert-to-def
    count, _ = r.pipeline().incr(f"visits:{page}").expire(f"visits:{page}", 3600).execute()  # expect: UNB150
    pipe = r.pipeline(transaction=True)
    pipe.watch(f"lock:{page}")  # expect: UNB150
    pipe.multi()
    pipe.set(f"last:{page}", count).zincrby("popular", 1, page)
    pipe.execute()  # expect: UNB150
    return {"count": count}
