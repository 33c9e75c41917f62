import httpx
from fastapi import APIRouter, WebSocket

_httpx_tls_context = httpx.create_ssl_context()

router = APIRouter()


@router.websocket("/ws/feed")
async def feed(websocket: WebSocket):  # expect-fix: swap-to-async
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, max_redirects=30, verify=_httpx_tls_context
    ) as http_client:
        snapshot = await http_client.get(
            "https://feed.example/snapshot"
        )  # expect: UNB110
    return snapshot.status_code
