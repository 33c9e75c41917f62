"""A dependency that blocks (requests), used through Depends."""

import os

import requests
from fastapi import Depends, FastAPI, HTTPException

UPSTREAM = os.environ.get("UNBLOCK_UPSTREAM", "http://127.0.0.1:9")

app = FastAPI()


async def current_user(token: str = ""):
    response = requests.get(UPSTREAM + "/echo/user", params={"token": token}, timeout=5)
    if not token:
        raise HTTPException(status_code=401, detail="no token")
    return response.json()["query"]["token"][0]


@app.get("/me")
async def me(user: str = Depends(current_user)):
    return {"user": user}
