import asyncio
import functools
import time

from fastapi import FastAPI

app = FastAPI()


def timed(fn):
    @functools.wraps(fn)
    async def wrapper(*args, **kwargs):
        start = time.perf_counter()
        result = await fn(*args, **kwargs)
        print(fn.__name__, time.perf_counter() - start)
        return result

    return wrapper


@app.get("/timed")
@timed
async def timed_endpoint():  # expect-fix: swap-to-async
    await asyncio.sleep(0.5)  # expect: UNB100
    return {"ok": True}
