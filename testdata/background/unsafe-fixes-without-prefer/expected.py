import asyncio

import httpx
from fastapi import FastAPI

_httpx_tls_context = httpx.create_ssl_context()

app = FastAPI()


@app.post("/notify")
async def notify(item: str):  # expect-fix: swap-to-async
    # --unsafe-fixes alone does not put an unsafe fix before a safe one.
    await asyncio.sleep(0)
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, max_redirects=30, verify=_httpx_tls_context
    ) as http_client:
        await http_client.post(
            "https://hooks.example/in", data={"item": item}, timeout=5
        )  # expect: UNB110
    return {"item": item}
