import asyncio

from fastapi import FastAPI

app = FastAPI()


async def fetch_rates() -> dict[str, float]:
    await asyncio.sleep(0)
    return {"EUR": 1.0}


def rates_now() -> dict[str, float]:
    try:
        return asyncio.get_event_loop().run_until_complete(fetch_rates())
    except RuntimeError:
        return {}


@app.get("/rates")
async def rates():  # expect-fix: none
    return rates_now()  # expect: UNB230


@app.get("/rates/eur")
async def eur():  # expect-fix: none
    return {"EUR": asyncio.run(fetch_rates())["EUR"]}  # expect: UNB230


@app.get("/rates/awaited")
async def awaited():
    return await fetch_rates()
