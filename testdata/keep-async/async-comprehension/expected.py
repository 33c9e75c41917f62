import asyncio

from fastapi import FastAPI

app = FastAPI()


async def numbers():
    for n in range(3):
        yield n


@app.get("/numbers")
async def list_numbers():  # expect-fix: swap-to-async
    await asyncio.sleep(0.2)  # expect: UNB100
    return [n async for n in numbers()]
