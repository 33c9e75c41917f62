"""A shared client made anew only when a helper says the old one is closed: start-up
work (the first request, or after the server dropped it), not work of every request."""

from typing import Optional

from fastapi import FastAPI
from pymongo import MongoClient

app = FastAPI()
_client: Optional[MongoClient] = None


def _is_closed(client: Optional[MongoClient]) -> bool:
    return client is None or getattr(client, "_closed", False)


def _connect() -> MongoClient:
    global _client
    if _is_closed(_client):
        _client = MongoClient("mongodb://db:27017")
        _client.admin.command("ping")
    return _client


@app.get("/health")
async def health():
    client = _connect()
    return {"connected": client is not None}
