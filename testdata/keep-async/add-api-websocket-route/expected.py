import asyncio

from fastapi import FastAPI, WebSocket

app = FastAPI()


async def echo(websocket: WebSocket):  # expect-fix: swap-to-async
    await asyncio.sleep(0.1)  # expect: UNB100
    return websocket


app.add_api_websocket_route("/ws/echo", echo)
