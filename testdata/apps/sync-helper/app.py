"""A sync helper that blocks, called from an async route that awaits: wrapped at the call site."""

import os

import requests
from fastapi import FastAPI, Request

UPSTREAM = os.environ.get("UNBLOCK_UPSTREAM", "http://127.0.0.1:9")

app = FastAPI()


def lookup(name: str, *, suffix: str = "") -> dict:
    response = requests.get(f"{UPSTREAM}/echo/lookup", params={"name": name + suffix}, timeout=5)
    response.raise_for_status()
    return response.json()


@app.post("/lookup")
async def lookup_route(request: Request):
    body = await request.json()
    found = lookup(body["name"], suffix="!")
    return {"found": found["query"]["name"][0], "path": found["path"]}
