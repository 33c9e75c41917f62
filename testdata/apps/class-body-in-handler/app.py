"""One handler blocks inside a class body (no `await` may go there); another is easy to fix.

The first cannot be wrapped; that must not stop the second from being fixed.
"""

import os

import requests
from fastapi import FastAPI, Request

UPSTREAM = os.environ.get("UNBLOCK_UPSTREAM", "http://127.0.0.1:9")

app = FastAPI()


@app.post("/settings")
async def settings(request: Request):
    body = await request.json()

    class Remote:
        status = requests.get(UPSTREAM + "/echo/settings", timeout=5).status_code

    return {"status": Remote.status, "body": body}


@app.post("/forward")
async def forward(request: Request):
    payload = await request.json()
    response = requests.post(UPSTREAM + "/echo/forward", json=payload, timeout=5)
    return {"forwarded": response.json()}
