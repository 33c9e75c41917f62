import requests
from fastapi import FastAPI, WebSocket, WebSocketException, status

app = FastAPI()


@app.websocket("/ws/logs")
async def tail_logs(websocket: WebSocket):  # expect-fix: wrap-in-threadpool
    await websocket.accept()
    with open("/var/log/app.log", encoding="utf-8") as log:  # expect: UNB120
        lines = log.readlines()[-50:]  # expect: UNB120
    for line in lines:
        await websocket.send_text(line)
    await websocket.close()


@app.websocket("/ws/admin")
async def admin_feed(websocket: WebSocket, token: str):  # expect-fix: swap-to-async
    reply = requests.get("https://auth.example/check", params={"token": token}, timeout=5)  # expect: UNB110
    if reply.status_code != 200:
        raise WebSocketException(code=status.WS_1008_POLICY_VIOLATION)
    await websocket.accept()
    await websocket.send_json(reply.json())
