import time

import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/poll")
def poll():  # unblock: ignore[UNB110]  # expect-fix: convert-to-def
    status = requests.get("https://jobs.example/status").json()
    time.sleep(0.5)  # expect: UNB100
    return status
