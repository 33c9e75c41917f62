"""An object kept for the process, made with an argument left at ``None``: the branch its methods take on it is decided."""

import redis
from fastapi import FastAPI

app = FastAPI()


class TieredCache:
    def __init__(self, remote: redis.Redis | None = None, ttl: int = 60) -> None:
        self.memory: dict[str, str] = {}
        self.remote = remote
        self.ttl = ttl

    def get(self, key: str) -> str | None:
        found = self.memory.get(key)
        if found is None and self.remote is not None:
            found = self.remote.get(key)
        return found

    def attach(self, remote: redis.Redis) -> None:
        self.remote = remote


class Connectable:
    def connect(self, remote: redis.Redis) -> None:
        self.remote = remote


class SwitchableCache(Connectable):
    """Set by a base's method, which another method calls on ``self``: not decided."""

    def __init__(self, remote: redis.Redis | None = None) -> None:
        self.remote = remote

    def get(self, key: str) -> str | None:
        if self.remote is not None:
            return self.remote.get(key)
        return None

    def warm(self) -> None:
        self.connect(redis.Redis())


tokens = TieredCache()
sessions = TieredCache(remote=redis.Redis())
shared = TieredCache()
shared.attach(redis.Redis())
fallback = TieredCache()
switchable = SwitchableCache()
switchable.warm()


def connect_fallback() -> None:
    global fallback
    fallback = TieredCache(remote=redis.Redis())


@app.get("/token/{key}")
async def token(key: str):  # no remote: the in-memory tier only
    return {"token": tokens.get(key)}


@app.get("/session/{key}")
async def session(key: str):  # expect-fix: convert-to-def
    return {"session": sessions.get(key)}  # expect: UNB150


@app.get("/shared/{key}")
async def shared_value(key: str):  # expect-fix: convert-to-def
    return {"value": shared.get(key)}  # expect: UNB150


@app.get("/fallback/{key}")
async def fallback_value(key: str):  # expect-fix: convert-to-def
    return {"value": fallback.get(key)}  # expect: UNB150


@app.get("/switchable/{key}")
async def switchable_value(key: str):  # expect-fix: convert-to-def
    return {"value": switchable.get(key)}  # expect: UNB150
