"""Every route registration form, with sync handlers: FastAPI runs them in its threadpool."""

import subprocess
import time

import requests
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import PlainTextResponse
from fastapi.routing import APIRoute
from starlette.routing import Route

router = APIRouter()


def fetch_quote(symbol: str):
    return requests.get(f"https://quotes.example/{symbol}", timeout=5).json()


def slow_report():
    time.sleep(1)
    return {"report": "done"}


def kernel(request: Request):
    return PlainTextResponse(subprocess.check_output(["uname", "-a"], text=True))


def motd(request: Request):
    with open("/etc/motd", encoding="utf-8") as handle:
        return PlainTextResponse(handle.read())


app = FastAPI(routes=[APIRoute("/report", slow_report), Route("/kernel", kernel)])


@app.get("/quotes/{symbol}")
def quote(symbol: str):
    return fetch_quote(symbol)


@app.router.post("/quotes/{symbol}/refresh")
def refresh_quote(symbol: str):
    time.sleep(0.5)
    return fetch_quote(symbol)


@router.api_route("/ping", methods=["GET", "HEAD"])
def ping():
    time.sleep(0.01)
    return "pong"


@router.route("/motd")
def motd_page(request: Request):
    return motd(request)


app.add_api_route("/quotes", endpoint=fetch_quote)
router.add_api_route("/report/again", slow_report)
app.include_router(router)
