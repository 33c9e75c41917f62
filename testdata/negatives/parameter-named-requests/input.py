import requests
from fastapi import FastAPI

app = FastAPI()


@app.post("/batch")
async def batch(requests: dict[str, int]):
    return {"total": sum(requests.values()), "first": requests.get("first")}
