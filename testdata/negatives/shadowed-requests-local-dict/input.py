import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/pending/{key}")
async def pending(key: str):
    requests = {"a": "approved", "b": "rejected"}
    return {"state": requests.get(key)}


def unused_sync_helper():
    return requests.get("https://example.org")
