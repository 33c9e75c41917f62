"""A route that tells a slow webhook about each order and answers without its reply.

``--prefer background`` hands the webhook call to ``BackgroundTasks``: the
response is sent first, and the call still happens after it."""

import os

import requests
from fastapi import FastAPI

UPSTREAM = os.environ.get("UNBLOCK_UPSTREAM", "http://127.0.0.1:9")

app = FastAPI()


def tell_webhook(item: str, quantity: int) -> None:
    requests.post(UPSTREAM + "/webhook", data={"item": item, "quantity": quantity}, timeout=5)


@app.post("/orders")
async def create_order(item: str, quantity: int = 1):
    total = quantity * 10
    tell_webhook(item, quantity)
    return {"item": item, "total": total}
