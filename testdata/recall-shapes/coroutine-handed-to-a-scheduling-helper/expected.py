import asyncio
import json

from fastapi import FastAPI, WebSocket
from fastapi.concurrency import run_in_threadpool

try:
    import sqlite3
except ImportError:
    sqlite3 = None

app = FastAPI()
pending = []


async def export_report(websocket: WebSocket, name: str):  # expect-fix: wrap-in-threadpool
    def _blocking_io_1():
        with open(f"/srv/reports/{name}.json") as handle:  # expect: UNB120
            report = json.load(handle)  # expect: UNB120
        return report

    report = await run_in_threadpool(_blocking_io_1)
    await websocket.send_json(report)


async def pong(websocket: WebSocket):
    await websocket.send_text("pong")


async def archive(name: str):
    with open(f"/srv/archive/{name}") as handle:
        return handle.read()


def remember(job) -> None:
    pending.append(job)


async def serve_session(websocket: WebSocket):
    def track(job) -> asyncio.Task:
        async def guarded():  # expect-fix: wrap-in-threadpool
            try:
                await job  # expect: UNB120
            except Exception:
                await websocket.close()

        return asyncio.create_task(guarded())

    while True:
        message = await websocket.receive_text()
        if message == "ping":
            track(pong(websocket))
        else:
            track(export_report(websocket, message))
            remember(archive(message))


@app.websocket("/ws")
async def session(websocket: WebSocket):
    await websocket.accept()
    await serve_session(websocket)


@app.get("/history")
def history():  # expect-fix: convert-to-def
    connection = sqlite3.connect("history.db")  # expect: UNB140
    return connection.execute("SELECT * FROM history").fetchall()  # expect: UNB140
