import json

import httpx
from fastapi import FastAPI, HTTPException, Request

_httpx_tls_context = httpx.create_ssl_context()

app = FastAPI()


@app.post("/orders")
async def create_order(request: Request):  # expect-fix: swap-to-async
    order = await request.json()
    try:
        async with httpx.AsyncClient(
            follow_redirects=True,
            timeout=None,
            max_redirects=30,
            headers={"Content-Type": "application/json"},
            verify=_httpx_tls_context,
        ) as http_client:
            reply = await http_client.post(
                "https://billing.example/charge",
                content=json.dumps({"order": order}, allow_nan=False),
                timeout=10,
            )  # expect: UNB110
        if reply.is_error:
            reply.raise_for_status()
    except httpx.TimeoutException:
        raise HTTPException(504, "billing timed out")
    except httpx.HTTPStatusError:
        raise HTTPException(
            502, f"billing said {reply.status_code} for {str(reply.url)}"
        )
    if reply.is_error:
        raise HTTPException(502, reply.reason_phrase)
    return reply.json()
