from fastapi import FastAPI
from pymemcache.client.base import Client

app = FastAPI()
mc = Client(("memcached", 11211))


@app.get("/fragments/{name}")
def fragment(name: str):  # expect-fix: convert-to-def
    html = mc.get(f"fragment:{name}")  # expect: UNB150
    if html is not None:
        return {"html": html.decode()}
    fresh = f"<p>{name}</p>".encode()
    mc.set(f"fragment:{name}", fresh, expire=300)  # expect: UNB150
    return {"html": fresh.decode()}
