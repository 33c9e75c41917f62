import requests
from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.post("/check")
async def check(request: Request):  # expect-fix: wrap-in-threadpool
    target = (await request.json())["url"]
    response = await run_in_threadpool(requests.get, target); checked = True  # expect: UNB110
    return {"status": response.status_code, "checked": checked}


@app.post("/ping")
async def ping(request: Request, loud: bool = False):  # expect-fix: wrap-in-threadpool
    target = (await request.json())["url"]
    if loud: await run_in_threadpool(requests.post, target)  # expect: UNB110
    return {"sent": loud}
