import requests
from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.post("/ping")
async def ping(request: Request):  # expect-fix: wrap-in-threadpool
    target = (await request.json())["url"]
    response = await run_in_threadpool(requests.head, target)  # expect: UNB110
    if response:
        return {"up": response.ok}
    return {"up": False}
