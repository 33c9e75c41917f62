import time

import requests
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


def health(request: Request):  # expect-fix: convert-to-def
    time.sleep(0.2)  # expect: UNB100
    return JSONResponse({"ok": True})


def weather(request: Request):  # expect-fix: convert-to-def
    city = request.path_params["city"]
    reply = requests.get(f"https://weather.example/{city}", timeout=5)  # expect: UNB110
    return JSONResponse(reply.json())


routes = [
    Route("/health", health),
    Route("/weather/{city}", endpoint=weather, methods=["GET"]),
]

app = Starlette(routes=routes)
