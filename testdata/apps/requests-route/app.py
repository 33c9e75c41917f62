"""A route that calls requests with nothing awaited: convert-to-def."""

import os

import requests
from fastapi import FastAPI

UPSTREAM = os.environ.get("UNBLOCK_UPSTREAM", "http://127.0.0.1:9")

app = FastAPI()


@app.get("/items/{item_id}")
async def read_item(item_id: int, q: str = ""):
    response = requests.get(f"{UPSTREAM}/echo/{item_id}", params={"q": q}, timeout=5)
    return {"status": response.status_code, "upstream": response.json()}


@app.get("/missing")
async def missing():
    response = requests.get(UPSTREAM + "/nowhere", timeout=5)
    return {"status": response.status_code, "text": response.text}
