import time

from fastapi import FastAPI, Request

app = FastAPI()


@app.middleware("http")
async def access_log(request: Request, call_next):  # expect-fix: wrap-in-threadpool
    started = time.perf_counter()
    response = await call_next(request)
    elapsed = time.perf_counter() - started
    with open("access.log", "a", encoding="utf-8") as log:  # expect: UNB120
        log.write(f"{request.method} {request.url.path} {response.status_code} {elapsed:.3f}\n")  # expect: UNB120
    return response
