import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/slow")
async def slow(func: str = "x") -> dict:  # expect-fix: swap-to-async
    time.sleep(0.5)  # expect: UNB100
    return {"func": func}
