import requests
from fastapi import APIRouter, WebSocket

router = APIRouter()


@router.websocket("/ws/feed")
async def feed(websocket: WebSocket):  # expect-fix: wrap-in-threadpool
    snapshot = requests.get("https://feed.example/snapshot")  # expect: UNB110
    return snapshot.status_code
