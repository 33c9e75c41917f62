import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/echo")
async def echo():  # expect-fix: convert-to-def
    return requests.get("https://echo.example/?q=# unblock: ignore").text  # expect: UNB110
