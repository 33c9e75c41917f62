import threading
import time

import redis
from fastapi import FastAPI

app = FastAPI()


class LazyResource:
    """Builds its instance on first use, retrying with a pause; later calls return it."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.ready = False
        self._instance: redis.Redis | None = None
        self._lock = threading.Lock()
        self._done = threading.Event()

    def get(self) -> redis.Redis:
        if self.ready and self._instance is not None:
            return self._instance
        with self._lock:
            if not self._done.is_set() and self._instance is None:
                return self._build()
            self._done.wait(timeout=30)
            return self._instance

    def _build(self) -> redis.Redis:
        for attempt in range(3):
            try:
                self._instance = redis.Redis.from_url(self.url)
                self.ready = True
                self._done.set()
                return self._instance
            except ConnectionError:
                time.sleep(2**attempt)
        raise RuntimeError("no redis")


CACHE = LazyResource("redis://cache")


@app.get("/cache-ready")
async def cache_ready():
    return {"client": type(CACHE.get()).__name__}


@app.get("/cache-ping")
async def cache_ping():  # expect-fix: convert-to-def
    return {"pong": CACHE.get().ping()}  # expect: UNB150
