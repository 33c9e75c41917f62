import asyncio
import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/factory")
async def factory():  # expect-fix: convert-to-def
    async def later():
        await asyncio.sleep(1)

    time.sleep(0.1)  # expect: UNB100
    return {"made": later.__name__}
