import httpx
from fastapi import FastAPI

app = FastAPI()
client = httpx.Client()


@app.get("/cached")
async def cached():
    return client.get("https://cache.example/hit").json()  # noqa: ASYNC212
