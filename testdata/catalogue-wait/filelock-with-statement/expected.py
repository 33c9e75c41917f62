"""``with FileLock(...)`` opens the lock file and polls until another process lets go of it:
on the loop, every request of the worker waits with it."""

import tempfile
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from filelock import FileLock

EXPORT_LOCK = FileLock(Path(tempfile.gettempdir()) / "export.lock", timeout=30)


async def seed_projects() -> None:
    return None


@asynccontextmanager
async def lifespan(app: FastAPI):  # expect-fix: none
    lock_file = Path(tempfile.gettempdir()) / "seed.lock"
    with FileLock(lock_file, timeout=1):  # expect: UNB200
        await seed_projects()
    yield


app = FastAPI(lifespan=lifespan)


@app.post("/export")
def export():  # expect-fix: convert-to-def
    with EXPORT_LOCK:  # expect: UNB200
        return {"exported": True}
