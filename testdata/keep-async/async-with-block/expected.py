import httpx
import requests
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.get("/both-clients")
async def both_clients():  # expect-fix: wrap-in-threadpool
    async with httpx.AsyncClient() as client:
        legacy = await run_in_threadpool(requests.get, "https://legacy.example/data")  # expect: UNB110
        return {"legacy": legacy.status_code, "client": repr(client)}
