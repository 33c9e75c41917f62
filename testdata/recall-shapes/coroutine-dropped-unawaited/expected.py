"""An ``async def`` called as a statement, without ``await``: its coroutine is dropped and its body never runs."""

import asyncio
import json
import time

import httpx
import requests
from fastapi import FastAPI

_httpx_tls_context = httpx.create_ssl_context()

app = FastAPI()


class Relay:
    async def push(self, payload: dict) -> None:  # expect-fix: swap-to-async
        async with httpx.AsyncClient(
            follow_redirects=True,
            timeout=None,
            max_redirects=30,
            headers={"Content-Type": "application/json"},
            verify=_httpx_tls_context,
        ) as http_client:
            await http_client.post(
                "https://relay.example.com/events",
                content=json.dumps(payload, allow_nan=False),
                timeout=5,
            )  # expect: UNB110

    def push_now(self, payload: dict) -> None:
        requests.post("https://relay.example.com/events", json=payload, timeout=5)


relay = Relay()


async def audit(event: str) -> None:
    time.sleep(0.5)
    print(event)


@app.post("/events")
async def post_event(payload: dict):
    relay.push(payload)  # a bug (never sent), but not a stall
    audit("posted")
    return {"status": "queued"}


@app.post("/events/awaited")
async def post_event_awaited(payload: dict):  # expect-fix: swap-to-async
    pending = relay.push(payload)  # expect: UNB110
    await pending
    return {"status": "sent"}


@app.post("/events/now")
def post_event_now(payload: dict):  # expect-fix: convert-to-def
    relay.push_now(payload)  # expect: UNB110
    return {"status": "sent"}


@app.post("/events/batch")
async def post_batch(batch: list[dict]):
    [relay.push(payload) for payload in batch]  # a list of coroutines nobody awaits
    return {"status": "queued", "count": len(batch)}


@app.post("/events/batch/gathered")
async def post_batch_gathered(batch: list[dict]):  # expect-fix: swap-to-async
    await asyncio.gather(*[relay.push(payload) for payload in batch])  # expect: UNB110
    return {"status": "sent", "count": len(batch)}
