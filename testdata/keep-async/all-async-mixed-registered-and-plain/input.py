import time

from fastapi import FastAPI

app = FastAPI()


async def helper():  # expect-fix: swap-to-async
    time.sleep(1)  # expect: UNB100


@app.get("/route")
async def route():  # expect-fix: convert-to-def
    time.sleep(1)  # expect: UNB100
    return "ok"
