import json

import httpx
from fastapi import FastAPI, Request

_httpx_tls_context = httpx.create_ssl_context()

app = FastAPI()


@app.middleware("http")
async def audit(request: Request, call_next):  # expect-fix: swap-to-async
    async with httpx.AsyncClient(
        follow_redirects=True,
        timeout=None,
        max_redirects=30,
        headers={"Content-Type": "application/json"},
        verify=_httpx_tls_context,
    ) as http_client:
        await http_client.post(
            "https://audit.example/events",
            content=json.dumps({"path": request.url.path}, allow_nan=False),
            timeout=2,
        )  # expect: UNB110
    return await call_next(request)
