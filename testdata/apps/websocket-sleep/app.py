"""A websocket that calls time.sleep: FastAPI always awaits it, so swap to asyncio.sleep."""

import time

from fastapi import FastAPI, WebSocket

app = FastAPI()


@app.websocket("/ws")
async def ticker(websocket: WebSocket):
    await websocket.accept()
    count = int(await websocket.receive_text())
    for tick in range(count):
        time.sleep(0.01)
        await websocket.send_json({"tick": tick})
    await websocket.close()
