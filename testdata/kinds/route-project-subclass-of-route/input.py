"""Routes built with a project subclass of Starlette's ``Route`` (or ``WebSocketRoute``) are run by the app."""

import tempfile

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket


class ApiRoute(Route):
    """Adds the API's own request class and error handling."""


class ApiWebSocketRoute(WebSocketRoute):
    """The websocket twin."""


class CacheRoute:
    """Not a route: a cache entry that happens to keep a coroutine function."""

    def __init__(self, key: str, loader) -> None:
        self.key = key
        self.loader = loader


async def profile(request: Request):  # expect-fix: convert-to-def
    fd, path = tempfile.mkstemp(suffix=".svg")
    with open(path, "rb") as f:  # expect: UNB120
        return Response(f.read(), media_type="image/svg+xml")  # expect: UNB120


async def stream(websocket: WebSocket):  # expect-fix: none
    await websocket.accept()
    with open("events.log") as f:  # expect: UNB120
        await websocket.send_text(f.read())  # expect: UNB120


async def load_report(request: Request):
    with open("report.json") as f:
        return JSONResponse({"report": f.read()})


cached = CacheRoute("/report", load_report)
app = Starlette(routes=[ApiRoute("/profile", profile, methods=["GET"]), ApiWebSocketRoute("/ws", stream)])
