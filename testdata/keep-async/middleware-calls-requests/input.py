import requests
from fastapi import FastAPI, Request

app = FastAPI()


@app.middleware("http")
async def audit(request: Request, call_next):  # expect-fix: swap-to-async
    requests.post("https://audit.example/events", json={"path": request.url.path}, timeout=2)  # expect: UNB110
    return await call_next(request)
