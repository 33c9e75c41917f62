import httpx
from fastapi import FastAPI, WebSocket, WebSocketException, status
from fastapi.concurrency import run_in_threadpool

_httpx_tls_context = httpx.create_ssl_context()

app = FastAPI()


@app.websocket("/ws/logs")
async def tail_logs(websocket: WebSocket):  # expect-fix: wrap-in-threadpool
    await websocket.accept()

    def _blocking_io_1():
        with open("/var/log/app.log", encoding="utf-8") as log:  # expect: UNB120
            lines = log.readlines()[-50:]  # expect: UNB120
        return lines

    lines = await run_in_threadpool(_blocking_io_1)
    for line in lines:
        await websocket.send_text(line)
    await websocket.close()


@app.websocket("/ws/admin")
async def admin_feed(websocket: WebSocket, token: str):  # expect-fix: swap-to-async
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, max_redirects=30, verify=_httpx_tls_context
    ) as http_client:
        reply = await http_client.get(
            "https://auth.example/check", params={"token": token}, timeout=5
        )  # expect: UNB110
    if reply.status_code != 200:
        raise WebSocketException(code=status.WS_1008_POLICY_VIOLATION)
    await websocket.accept()
    await websocket.send_json(reply.json())
