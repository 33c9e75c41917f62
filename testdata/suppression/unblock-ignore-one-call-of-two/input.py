import time

import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/partial")
async def partial():  # expect-fix: convert-to-def
    time.sleep(0.001)  # unblock: ignore
    return requests.get("https://partial.example").json()  # expect: UNB110
