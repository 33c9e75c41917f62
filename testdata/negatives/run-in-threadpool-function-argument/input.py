import requests
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.get("/proxy")
async def proxy(url: str):
    response = await run_in_threadpool(requests.get, url, timeout=10)
    return {"status": response.status_code}
