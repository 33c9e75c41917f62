"""An f-string URL in PEP 701 syntax is still an f-string for the swap to httpx."""

import httpx
from fastapi import FastAPI

_httpx_tls_context = httpx.create_ssl_context()

app = FastAPI()
BASE = "https://api.example.com"


@app.get("/users/{user_id}")
async def user(user_id: int) -> dict[str, object]:  # expect-fix: swap-to-async
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, max_redirects=30, verify=_httpx_tls_context
    ) as http_client:
        response = await http_client.get(f"{BASE}/{"users"}/{user_id}", params={"full": "1"}, timeout=5)  # expect: UNB110
    return {"status": response.status_code, "name": f"{response.headers["x-name"]}"}
