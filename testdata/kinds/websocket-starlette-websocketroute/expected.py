import asyncio
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import WebSocketException
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket


async def countdown(websocket: WebSocket):  # expect-fix: swap-to-async
    await websocket.accept()
    for remaining in range(5, 0, -1):
        await websocket.send_json({"remaining": remaining})
        await asyncio.sleep(1)  # expect: UNB100
    await websocket.close()


async def under_maintenance(websocket: WebSocket):  # expect-fix: wrap-in-threadpool
    reason = (
        await run_in_threadpool(Path("MAINTENANCE").read_text, encoding="utf-8")
    ).strip()  # expect: UNB120
    raise WebSocketException(code=1013, reason=reason)


app = Starlette(
    routes=[
        WebSocketRoute("/ws/countdown", countdown),
        WebSocketRoute("/ws/feed", endpoint=under_maintenance),
    ]
)
