import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/health")
def health():  # expect-fix: convert-to-def
    requests.get("https://deps.example/health")  # unblock: ignore[UNB120]  # expect: UNB110
    return {"ok": True}
