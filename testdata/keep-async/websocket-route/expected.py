import asyncio
import time

from fastapi import FastAPI, WebSocket

app = FastAPI()


@app.websocket("/ws/clock")
async def clock(websocket: WebSocket):  # expect-fix: swap-to-async
    await websocket.accept()
    while True:
        await asyncio.sleep(1)  # expect: UNB100
        await websocket.send_text(str(time.time()))
