import diskcache
from fastapi import FastAPI

app = FastAPI()
cache = diskcache.Cache("/var/cache/app")


@app.get("/geo/{ip}")
async def geo(ip: str):  # expect-fix: convert-to-def
    found = cache.get(ip)  # expect: UNB150
    if found is None:
        found = {"ip": ip, "country": "unknown"}
        cache.set(ip, found, expire=3600)  # expect: UNB150
    return found
