import time

from fastapi import FastAPI
from fastapi.responses import StreamingResponse

app = FastAPI()


def poll_batches(count: int):
    for number in range(count):
        time.sleep(1)
        yield [number]


def batches(count: int = 3):
    return poll_batches(count)


@app.get("/batches")
def read_batches():  # expect-fix: convert-to-def
    return [item for batch in batches() for item in batch]  # expect: UNB100


@app.get("/first")
def first_batch():  # expect-fix: convert-to-def
    return next(batches(1))  # expect: UNB100


@app.get("/stream")
async def stream_batches():
    return StreamingResponse(batches(), media_type="text/plain")


@app.get("/count")
async def count_batches():
    pending = batches(5)
    return {"pending": pending is not None}
