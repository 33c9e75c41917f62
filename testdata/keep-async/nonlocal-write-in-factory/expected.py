import asyncio

from fastapi import FastAPI


def build():
    app = FastAPI()
    served = 0

    @app.get("/served")
    async def count_served():  # expect-fix: swap-to-async
        nonlocal served
        served += 1
        await asyncio.sleep(0.01)  # expect: UNB100
        return served

    return app
