import asyncio
import subprocess

from fastapi import APIRouter, FastAPI, WebSocket
from fastapi.concurrency import run_in_threadpool

router = APIRouter()


async def service_state(websocket: WebSocket):  # expect-fix: wrap-in-threadpool
    await websocket.accept()
    service = await websocket.receive_text()
    state = await run_in_threadpool(
        subprocess.run,
        ["systemctl", "is-active", service],
        capture_output=True,
        text=True,
    )  # expect: UNB130
    await websocket.send_text(state.stdout.strip())
    await websocket.close()


async def heartbeat(websocket: WebSocket):  # expect-fix: swap-to-async
    await websocket.accept()
    while True:
        await asyncio.sleep(5)  # expect: UNB100
        await websocket.send_json({"alive": True})


router.add_api_websocket_route("/ws/state", service_state)
app = FastAPI()
app.add_api_websocket_route("/ws/heartbeat", endpoint=heartbeat)
app.include_router(router)
