import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/price/{symbol}")
async def price(symbol: str):  # expect-fix: convert-to-def
    return requests.get(f"https://ticker.example/{symbol}").json()  # expect: UNB110


@app.get("/portfolio")
async def portfolio():  # expect-fix: convert-to-def
    first = await price("ACME")  # expect: UNB110
    return {"ACME": first}
