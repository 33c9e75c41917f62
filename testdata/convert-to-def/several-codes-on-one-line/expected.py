import time

import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/pace")
def pace(url: str):  # expect-fix: convert-to-def
    time.sleep(requests.get(url).elapsed.total_seconds())  # expect: UNB100, UNB110
    return {"paced": True}
