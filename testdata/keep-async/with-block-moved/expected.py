import json

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.post("/settings")
async def save_settings(request: Request):  # expect-fix: wrap-in-threadpool
    payload = await request.json()
    count = 0

    # Persist the settings next to the defaults.
    def _blocking_io_1():
        with open("settings.json", "w") as handle:  # expect: UNB120
            json.dump(payload, handle)  # expect: UNB120
            count = len(payload)
            written = handle.tell()
        return count, written

    count, written = await run_in_threadpool(_blocking_io_1)
    return {"keys": count, "bytes": written}
