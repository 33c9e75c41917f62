import asyncio

from fastapi import FastAPI

app = FastAPI()


@app.get("/slow")
async def slow(func: str = "x") -> dict:  # expect-fix: swap-to-async
    await asyncio.sleep(0.5)  # expect: UNB100
    return {"func": func}
