import requests
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

app = FastAPI()
last_status = None


@app.get("/check")
async def check():  # expect-fix: wrap-in-threadpool
    global last_status
    last_status = (
        await run_in_threadpool(requests.head, "https://site.example")
    ).status_code  # expect: UNB110
    return {"status": last_status}
