import httpx
from fastapi import APIRouter, WebSocket

router = APIRouter()


@router.websocket("/ws/feed")
async def feed(websocket: WebSocket):  # expect-fix: swap-to-async
    async with httpx.AsyncClient(follow_redirects=True, timeout=None, max_redirects=30) as http_client:
        snapshot = await http_client.get("https://feed.example/snapshot")  # expect: UNB110
    return snapshot.status_code
