import httpx
from fastapi import FastAPI

app = FastAPI()


@app.post("/webhook")
def forward_webhook(event: dict):  # expect-fix: convert-to-def
    check = httpx.get("https://hooks.example/health")  # expect: UNB110
    if check.is_success:
        httpx.post("https://hooks.example/events", json=event)  # expect: UNB110
    return {"forwarded": check.is_success}
