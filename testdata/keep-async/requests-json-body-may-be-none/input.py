import requests
from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/forward")
async def forward(request: Request):  # expect-fix: wrap-in-threadpool
    # The body may be JSON `null`: requests then sends no body at all, and the
    # swap would send the text "null", so the call moves to the threadpool.
    payload = await request.json()
    reply = requests.post("https://upstream.example/in", json=payload, timeout=5)  # expect: UNB110
    return reply.json()
