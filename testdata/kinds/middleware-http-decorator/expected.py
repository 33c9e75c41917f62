import time

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.middleware("http")
async def access_log(request: Request, call_next):  # expect-fix: wrap-in-threadpool
    started = time.perf_counter()
    response = await call_next(request)
    elapsed = time.perf_counter() - started

    def _blocking_io_1():
        with open("access.log", "a", encoding="utf-8") as log:  # expect: UNB120
            log.write(
                f"{request.method} {request.url.path} {response.status_code} {elapsed:.3f}\n"
            )  # expect: UNB120

    await run_in_threadpool(_blocking_io_1)
    return response
