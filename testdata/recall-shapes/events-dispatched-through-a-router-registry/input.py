"""Event handlers registered on a router object by its decorator method, then dispatched by
event type from a task a websocket session runs in a task group it waits for."""

import asyncio
import subprocess
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, WebSocket

app = FastAPI()
Handler = Callable[[WebSocket, dict], Awaitable[None]]


class EventRouter:
    def __init__(self) -> None:
        self.handlers: dict[str, Handler] = {}

    def register(self, event_type: str) -> Callable[[Handler], Handler]:
        def decorator(func: Handler) -> Handler:
            self.handlers[event_type] = func
            return func

        return decorator

    async def dispatch(self, ws: WebSocket, event: dict) -> None:
        handler = self.handlers[event["type"]]
        await handler(ws, event)


events = EventRouter()
COMMANDS: dict[str, Callable] = {}


def command(name: str) -> Callable:
    def decorator(func: Callable) -> Callable:
        COMMANDS[name] = func
        return func

    return decorator


@command("status")
def status_command() -> str:
    return "ok"


@command("backup")
def backup_command() -> str:
    return subprocess.run(["pg_dump", "app"], capture_output=True, check=True).stdout.decode()


@events.register("ping")
async def on_ping(ws: WebSocket, event: dict) -> None:
    await ws.send_json({"type": "pong"})


@events.register("convert")
async def on_convert(ws: WebSocket, event: dict) -> None:  # expect-fix: wrap-in-threadpool
    subprocess.run(["ffmpeg", "-i", event["path"], event["path"] + ".wav"], check=True)  # expect: UNB130
    await ws.send_json({"type": "converted"})


async def listen(ws: WebSocket, router: EventRouter) -> None:  # expect-fix: wrap-in-threadpool
    while True:
        await router.dispatch(ws, await ws.receive_json())  # expect: UNB130


@app.websocket("/session")
async def session(ws: WebSocket):  # expect-fix: wrap-in-threadpool
    await ws.accept()
    async with asyncio.TaskGroup() as tasks:
        tasks.create_task(listen(ws, events))  # expect: UNB130


@app.websocket("/detached")
async def detached(ws: WebSocket):
    # A task of its own, not waited for here: it is reported where it runs, not in this handler.
    await ws.accept()
    asyncio.create_task(listen(ws, events))


@app.post("/commands/{name}")
async def run_command(name: str):  # expect-fix: convert-to-def
    return {"output": COMMANDS[name]()}  # expect: UNB130
