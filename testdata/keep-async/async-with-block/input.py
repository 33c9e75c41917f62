import httpx
import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/both-clients")
async def both_clients():  # expect-fix: swap-to-async
    async with httpx.AsyncClient() as client:
        legacy = requests.get("https://legacy.example/data")  # expect: UNB110
        return {"legacy": legacy.status_code, "client": repr(client)}
