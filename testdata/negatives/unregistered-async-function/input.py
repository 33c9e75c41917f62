import time

from fastapi import FastAPI

app = FastAPI()


async def refresh_tokens():
    time.sleep(3)
    return "refreshed"


@app.get("/")
async def index():
    return {"hello": "world"}
