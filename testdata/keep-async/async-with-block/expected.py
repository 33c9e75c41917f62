import httpx
from fastapi import FastAPI

_httpx_tls_context = httpx.create_ssl_context()

app = FastAPI()


@app.get("/both-clients")
async def both_clients():  # expect-fix: swap-to-async
    async with httpx.AsyncClient() as client:
        async with httpx.AsyncClient(
            follow_redirects=True,
            timeout=None,
            max_redirects=30,
            verify=_httpx_tls_context,
        ) as http_client:
            legacy = await http_client.get(
                "https://legacy.example/data"
            )  # expect: UNB110
        return {"legacy": legacy.status_code, "client": repr(client)}
