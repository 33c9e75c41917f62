import asyncio
import multiprocessing as mp

from fastapi import FastAPI

app = FastAPI()


class Server:
    def __init__(self) -> None:
        manager = mp.Manager()
        self.requests = manager.Queue()
        self.workers_ready = manager.dict()
        self.stopping = manager.Event()


server = Server()


@app.post("/predict")
async def predict(payload: dict):  # expect-fix: wrap-in-threadpool
    server.requests.put(payload)  # expect: UNB200
    await asyncio.sleep(0)
    return {"queued": True}


@app.get("/health")
async def health():  # expect-fix: convert-to-def
    ready = list(server.workers_ready.values())  # expect: UNB200
    return {"ok": bool(ready) and all(ready)}


@app.post("/shutdown")
async def shutdown():  # expect-fix: convert-to-def
    server.stopping.set()  # expect: UNB200
    return {"stopping": True}
