import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/tiny-wait")
async def tiny_wait():
    time.sleep(0.001)  # noqa: ASYNC251
    return None
