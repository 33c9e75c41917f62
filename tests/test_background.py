"""move-to-background: the response no longer waits for the call, and the call still happens.

The app is driven through ASGI directly (not ``TestClient``, which returns only
when the whole app call, background tasks included, has finished), so the test
sees when the last byte of the response is sent and when the app is done. The
webhook the route calls answers after 0.4 s and records what it received.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar

import pytest
from test_behaviour import load, rewrite, strategies

from codemods.models import Settings

WEBHOOK_DELAY = 0.4


class _SlowWebhook(BaseHTTPRequestHandler):
    received: ClassVar[list[bytes]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        time.sleep(WEBHOOK_DELAY)
        type(self).received.append(body)
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def webhook(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bytes]]:
    _SlowWebhook.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SlowWebhook)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    monkeypatch.setenv("UNBLOCK_UPSTREAM", f"http://127.0.0.1:{server.server_address[1]}")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    try:
        yield _SlowWebhook.received
    finally:
        server.shutdown()
        server.server_close()


def _post(module: ModuleType, path: str, query: bytes) -> tuple[int, bytes, float, float]:
    """Status, body, seconds until the response's last byte was sent, seconds until the app returned."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": query, "root_path": "",
        "headers": [(b"host", b"testserver")], "client": ("127.0.0.1", 50000), "server": ("testserver", 80),
    }
    sent: dict[str, Any] = {"body": b""}

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def run() -> float:
        start = time.perf_counter()

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                sent["status"] = message["status"]
            elif message["type"] == "http.response.body":
                sent["body"] += message.get("body", b"")
                if not message.get("more_body"):
                    sent["answered"] = time.perf_counter() - start

        await module.app(scope, receive, send)
        return time.perf_counter() - start

    finished = asyncio.run(run())
    return sent["status"], sent["body"], sent["answered"], finished


def test_response_no_longer_waits_for_the_webhook(webhook: list[bytes], tmp_path: Path) -> None:
    original, rewritten, result = rewrite("background-webhook", Settings(prefer="background"))
    assert strategies(result) == {"create_order": "move-to-background"}
    assert "background_tasks.add_task(tell_webhook, item, quantity)" in rewritten

    before = _post(load(original, tmp_path, "before"), "/orders", b"item=book&quantity=3")
    assert webhook == [b"item=book&quantity=3"]
    after = _post(load(rewritten, tmp_path, "after"), "/orders", b"item=book&quantity=3")
    assert webhook == [b"item=book&quantity=3"] * 2, "the call no longer happens"

    assert after[:2] == before[:2] == (200, b'{"item":"book","total":30}')
    assert before[2] >= WEBHOOK_DELAY, before
    assert after[2] < WEBHOOK_DELAY / 2, f"the response still waited {after[2]:.2f} s for the webhook"
    assert after[3] >= WEBHOOK_DELAY, "the app returned before the background call ran"


def test_without_prefer_background_a_safe_fix_is_chosen(tmp_path: Path) -> None:
    _original, _rewritten, result = rewrite("background-webhook")
    assert strategies(result) == {"create_order": "convert-to-def"}
