import queue
import threading
from concurrent.futures import ProcessPoolExecutor

from fastapi import FastAPI

app = FastAPI()
events: "queue.Queue[str]" = queue.Queue()
jobs = queue.Queue(maxsize=8)
guard = threading.Lock()


class Pool:
    def __init__(self) -> None:
        self.executor = ProcessPoolExecutor(max_workers=2)

    def recycle(self) -> None:
        stale = self.executor
        self.executor = ProcessPoolExecutor(max_workers=2)
        stale.shutdown(wait=False, cancel_futures=True)

    def drain(self) -> None:
        self.executor.shutdown()


pool = Pool()


@app.post("/pool/recycle")
async def recycle():
    pool.recycle()
    return {"recycled": True}


@app.get("/events/next")
async def next_event():
    try:
        return {"event": events.get(block=False)}
    except queue.Empty:
        return {"event": None}


@app.post("/jobs")
async def submit(name: str):
    if not guard.acquire(False):
        return {"busy": True}
    try:
        jobs.put(name, False)
    finally:
        guard.release()
    return {"queued": name}


@app.post("/pool/drain")
async def drain():  # expect-fix: convert-to-def
    pool.drain()  # expect: UNB200
    return {"drained": True}
