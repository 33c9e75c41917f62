import requests
from fastapi import APIRouter, WebSocket

router = APIRouter()


@router.websocket("/ws/feed")
async def feed(websocket: WebSocket):  # expect-fix: swap-to-async
    snapshot = requests.get("https://feed.example/snapshot")  # expect: UNB110
    return snapshot.status_code
