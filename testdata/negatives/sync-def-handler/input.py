import time

import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/sync")
def sync_handler():
    time.sleep(0.2)
    return requests.get("https://example.org").status_code
