"""HTTP middleware that calls requests: FastAPI always awaits middleware, so it stays async."""

import os

import requests
from fastapi import FastAPI, Request

UPSTREAM = os.environ.get("UNBLOCK_UPSTREAM", "http://127.0.0.1:9")

app = FastAPI()


@app.middleware("http")
async def add_upstream_header(request: Request, call_next):
    check = requests.get(UPSTREAM + "/echo/middleware", params={"path": request.url.path}, timeout=5)
    response = await call_next(request)
    response.headers["x-upstream-status"] = str(check.status_code)
    response.headers["x-upstream-path"] = check.json()["query"]["path"][0]
    return response


@app.get("/hello")
async def hello():
    return {"hello": "world"}
