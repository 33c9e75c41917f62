import requests
from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.post("/mirror")
async def mirror(request: Request):  # expect-fix: wrap-in-threadpool
    urls = await request.json()
    sizes = {}
    with requests.Session() as session:
        for url in urls:
            sizes[url] = len(
                (await run_in_threadpool(session.get, url)).content
            )  # expect: UNB110
    return sizes
