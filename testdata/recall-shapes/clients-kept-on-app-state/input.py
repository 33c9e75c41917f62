"""Clients kept on ``app.state`` and ``request.state``: what the project assigns there, anywhere."""

from contextlib import asynccontextmanager
from types import SimpleNamespace

import httpx
import redis
import requests
from fastapi import FastAPI, Request, WebSocket
from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

SessionLocal = sessionmaker(bind=create_engine("sqlite:///app.db"))


@asynccontextmanager
async def lifespan(app):
    app.state.cache = redis.Redis(host="localhost")
    app.state.http = httpx.AsyncClient()
    yield
    await app.state.http.aclose()


app = FastAPI(lifespan=lifespan)


class Workflow:
    """Not an app: its own ``state`` says nothing about the app's."""

    def __init__(self) -> None:
        self.state = SimpleNamespace()
        self.state.http = requests.Session()


@app.middleware("http")
async def attach_session(request: Request, call_next):
    request.state.db = SessionLocal()
    return await call_next(request)


@app.get("/cached/{key}")
async def cached(key: str, request: Request):  # expect-fix: convert-to-def
    return {"value": request.app.state.cache.get(key)}  # expect: UNB150


@app.get("/upstream")
async def upstream(request: Request):
    response = await request.app.state.http.get("https://api.example.com/status")
    return response.json()


@app.get("/rows")
async def rows(request: Request):  # expect-fix: convert-to-def
    return [dict(r._mapping) for r in request.state.db.execute(text("select * from items"))]  # expect: UNB140


@app.websocket("/ws")
async def live(websocket: WebSocket):  # expect-fix: wrap-in-threadpool
    await websocket.accept()
    await websocket.send_json({"hits": websocket.app.state.cache.incr("hits")})  # expect: UNB150
