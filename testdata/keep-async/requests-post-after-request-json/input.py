import requests
from fastapi import FastAPI, HTTPException, Request

app = FastAPI()


@app.post("/orders")
async def create_order(request: Request):  # expect-fix: swap-to-async
    order = await request.json()
    try:
        reply = requests.post("https://billing.example/charge", json={"order": order}, timeout=10)  # expect: UNB110
        reply.raise_for_status()
    except requests.exceptions.Timeout:
        raise HTTPException(504, "billing timed out")
    except requests.HTTPError:
        raise HTTPException(502, f"billing said {reply.status_code} for {reply.url}")
    if not reply.ok:
        raise HTTPException(502, reply.reason)
    return reply.json()
