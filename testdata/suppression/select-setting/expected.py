import time

import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/only-sleep-reported")
def only_sleep_reported():  # expect-fix: convert-to-def
    time.sleep(0.1)  # expect: UNB100
    return requests.get("https://example.org").text


@app.get("/nothing-selected")
async def nothing_selected():
    return requests.get("https://example.org").text
