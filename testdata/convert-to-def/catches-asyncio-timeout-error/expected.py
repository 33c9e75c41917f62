import asyncio

import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/lenient")
def lenient(url: str):  # expect-fix: convert-to-def
    try:
        return requests.get(url, timeout=1).json()  # expect: UNB110
    except (asyncio.TimeoutError, requests.Timeout):
        return None
