import time

import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/already-sync")
def already_sync():
    time.sleep(1)
    return "fine"


@app.get("/needs-fix")
async def needs_fix():  # expect-fix: convert-to-def
    return requests.get("https://api.example/thing").json()  # expect: UNB110


@app.get("/clean")
async def clean():
    return {"nothing": "blocking"}
