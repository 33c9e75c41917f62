import time

from fastapi import FastAPI
from fastapi.responses import StreamingResponse

app = FastAPI()


@app.get("/countdown")
async def countdown():  # expect-fix: swap-to-async
    for n in range(3, 0, -1):
        time.sleep(1)  # expect: UNB100
        yield f"{n}\n"
