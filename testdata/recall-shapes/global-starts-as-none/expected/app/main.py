import redis
from fastapi import FastAPI

from app import clients

app = FastAPI()
cache = None


@app.on_event("startup")
async def startup() -> None:
    global cache
    cache = redis.Redis(host="cache")
    clients.init_clients()


@app.get("/complete")
def complete(prompt: str):  # expect-fix: convert-to-def
    if clients.client is None:
        return {"text": ""}
    reply = clients.client.chat.completions.create(  # expect: UNB190
        model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}]
    )
    return {"text": reply.choices[0].message.content}


@app.get("/hits")
def hits():  # expect-fix: convert-to-def
    if not cache:
        return {"hits": 0}
    return {"hits": cache.incr("hits")}  # expect: UNB150


@app.get("/name")
async def name():
    label = None
    return {"name": label}
