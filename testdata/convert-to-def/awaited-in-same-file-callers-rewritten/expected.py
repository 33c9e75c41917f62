import requests
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.get("/price/{symbol}")
def price(symbol: str):  # expect-fix: convert-to-def
    return requests.get(f"https://ticker.example/{symbol}").json()  # expect: UNB110


@app.get("/portfolio")
async def portfolio():  # expect-fix: convert-to-def
    first = await run_in_threadpool(price, "ACME")  # expect: UNB110
    return {"ACME": first}
