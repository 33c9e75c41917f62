import shutil

from fastapi import FastAPI
from fastapi.concurrency import iterate_in_threadpool, run_in_threadpool

app = FastAPI()


def numbers():
    yield from range(3)


@app.get("/numbers")
async def stream():  # expect-fix: wrap-in-threadpool
    async with app.state.lock:
        await run_in_threadpool(shutil.rmtree, "/tmp/numbers")  # expect: UNB120
    return [n async for n in iterate_in_threadpool(numbers())]
