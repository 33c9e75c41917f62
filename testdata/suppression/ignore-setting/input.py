import subprocess

import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/ignored-http")
async def ignored_http():
    return requests.get("https://example.org").text


@app.post("/still-flagged")
async def still_flagged():  # expect-fix: convert-to-def
    subprocess.run(["sync"])  # expect: UNB130
    return requests.get("https://example.org").text
