"""A route that awaits the body and forwards it with requests: stays async."""

import os

import requests
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

UPSTREAM = os.environ.get("UNBLOCK_UPSTREAM", "http://127.0.0.1:9")

app = FastAPI()


@app.post("/forward")
async def forward(request: Request):
    payload = await request.json()
    response = requests.post(UPSTREAM + "/echo/forward", json=payload, timeout=5)
    if response.status_code != 200:
        return JSONResponse({"error": response.status_code}, status_code=502)
    return {"forwarded": response.json()}


@app.post("/forward-missing")
async def forward_missing(request: Request):
    payload = await request.json()
    response = requests.post(UPSTREAM + "/nowhere", json=payload, timeout=5)
    return JSONResponse({"error": response.status_code, "sent": payload}, status_code=502)
