import time

import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/legacy")
async def legacy():  # unblock: ignore
    time.sleep(0.1)
    return requests.get("https://legacy.example").text
