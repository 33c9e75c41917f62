import requests
from fastapi import APIRouter, WebSocket
from fastapi.concurrency import run_in_threadpool

router = APIRouter()


@router.websocket("/ws/feed")
async def feed(websocket: WebSocket):  # expect-fix: wrap-in-threadpool
    snapshot = await run_in_threadpool(requests.get, "https://feed.example/snapshot")  # expect: UNB110
    return snapshot.status_code
