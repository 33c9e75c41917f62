import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/report")
async def report() -> dict:  # expect-fix: swap-to-async
    time.sleep(1)  # expect: UNB100
    return {"rows": 3}


async def summary() -> dict:
    return {"report": await report()}
