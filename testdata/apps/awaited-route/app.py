"""A route that blocks, awaited by another route and by a sync script entry point."""

import asyncio
import os

import requests
from fastapi import FastAPI, HTTPException

UPSTREAM = os.environ.get("UNBLOCK_UPSTREAM", "http://127.0.0.1:9")

app = FastAPI()


@app.get("/echo/{word}")
async def echo(word: str, loud: bool = False) -> dict:
    if word == "missing":
        raise HTTPException(status_code=404, detail="no such word")
    answer = requests.get(f"{UPSTREAM}/echo/{word}", timeout=5).json()
    return {"word": word.upper() if loud else word, "path": answer["path"]}


@app.get("/twice/{word}")
async def twice(word: str) -> dict:
    await asyncio.sleep(0)
    first = await echo(word)
    second = await echo(word, loud=True)
    return {"first": first, "second": second}


def main() -> dict:
    return asyncio.run(echo("script"))
