import asyncio
from contextvars import ContextVar

from fastapi import FastAPI

app = FastAPI()
request_id = ContextVar("request_id", default="-")


@app.get("/trace/{rid}")
async def trace(rid: str):  # expect-fix: swap-to-async
    request_id.set(rid)
    await asyncio.sleep(0.05)  # expect: UNB100
    return {"rid": request_id.get()}
