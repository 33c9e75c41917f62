import requests
from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.post("/size")
async def size(request: Request):  # expect-fix: wrap-in-threadpool
    url = (await request.json())["url"]
    response = await run_in_threadpool(
        requests.get, url, stream=True, timeout=10
    )  # expect: UNB110
    total = 0

    def _blocking_io_1():
        nonlocal total
        for chunk in response.iter_content(65536):  # expect: UNB110
            total += len(chunk)

    await run_in_threadpool(_blocking_io_1)
    return {"bytes": total}
