import asyncio
import contextlib
import sqlite3
import threading

from fastapi import FastAPI

app = FastAPI()
_CLAIMS_LOCK = threading.Lock()
_CLAIMED: set[str] = set()


@contextlib.contextmanager
def claim(key: str):
    if not _CLAIMS_LOCK.acquire(blocking=False):
        raise RuntimeError("busy")
    try:
        _CLAIMED.add(key)
    finally:
        _CLAIMS_LOCK.release()
    try:
        yield
    finally:
        with _CLAIMS_LOCK:
            _CLAIMED.discard(key)


class Ledger:
    def __enter__(self) -> sqlite3.Connection:
        self.connection = sqlite3.connect("ledger.db")
        return self.connection

    def __exit__(self, *exc: object) -> None:
        self.connection.close()


class Tally:
    def __enter__(self) -> "Tally":
        self.count = 0
        return self

    def __exit__(self, *exc: object) -> None:
        pass


LEDGER = Ledger()
TALLY = Tally()
_ASYNC_LOCK = asyncio.Lock()


@app.post("/models/{key}/image")
async def update_image(key: str):
    with claim(key):
        return {"key": key}


@app.get("/claimed")
async def claimed():
    with _CLAIMS_LOCK:
        names = sorted(_CLAIMED)
    await asyncio.sleep(0)
    return names


@app.get("/ledger")
def ledger():  # expect-fix: convert-to-def
    with LEDGER as connection:  # expect: UNB140
        return connection.total_changes


@app.get("/tally")
async def tally():
    with TALLY as counter:
        return counter.count


@app.get("/queue")
async def queue():
    async with _ASYNC_LOCK:
        return {"queued": len(_CLAIMED)}


@app.get("/ledger/slow")
async def slow_ledger():  # expect-fix: none
    await asyncio.sleep(1)
    with LEDGER as connection:  # expect: UNB140
        return connection.total_changes
