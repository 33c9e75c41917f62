import time

from fastapi import FastAPI
from fastapi.responses import StreamingResponse

app = FastAPI()


def ticks():
    # Starlette iterates a sync iterator in its threadpool: this sleep never runs on the loop.
    for n in range(3):
        time.sleep(1)
        yield f"{n}\n"


@app.get("/ticks")
async def stream_ticks():
    return StreamingResponse(ticks(), media_type="text/plain")
