"""The swap from requests to httpx sends the upstream the same bytes.

``testdata/apps/requests-call-forms/app.py`` has one route per requests call
form the swap supports, and routes with forms it must refuse. The app is
rewritten with ``--prefer async`` (so every route that can be swapped is; the
refused ones keep requests, as ``def`` or in the threadpool), and
each route of the original and of the rewritten app is called in turn against
a server that records the raw request: the request line, every header but
``User-Agent`` (``python-requests/...`` against ``python-httpx/...``, by design;
README) and the body must be identical byte for byte.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_behaviour import load, rewrite, strategies

from codemods.models import Settings

REFUSED = {"refused_optional_param", "refused_bool_form", "refused_url_characters", "refused_json_maybe_null",
           "refused_optional_header"}


@dataclass(frozen=True)
class RawRequest:
    line: str
    headers: tuple[tuple[str, str], ...]
    body: bytes


class Recorder:
    """An HTTP/1.1 server on 127.0.0.1 that keeps each request as it came off the socket."""

    def __init__(self) -> None:
        self.requests: list[RawRequest] = []
        self._socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            with connection:
                self.requests.append(self._read(connection))
                connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")

    @staticmethod
    def _read(connection: socket.socket) -> RawRequest:
        connection.settimeout(5)
        data = b""
        while b"\r\n\r\n" not in data:
            data += connection.recv(65536)
        head, _, body = data.partition(b"\r\n\r\n")
        line, *header_lines = head.decode("latin-1").split("\r\n")
        headers = tuple(
            (name.strip().lower(), value.strip())
            for name, _, value in (h.partition(":") for h in header_lines)
        )
        length = int(dict(headers).get("content-length", "0"))
        while len(body) < length:
            body += connection.recv(65536)
        return RawRequest(line, headers, body)

    def close(self) -> None:
        self._socket.close()


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    server = Recorder()
    yield server
    server.close()


def _routes(app: object) -> list[tuple[str, str, str]]:
    found = []
    for route in app.routes:  # type: ignore[attr-defined]
        name = getattr(route, "name", "")
        methods = getattr(route, "methods", None) or set()
        if name and methods and not route.path.startswith(("/docs", "/openapi", "/redoc")):
            found.append((name, min(methods), route.path))
    return found


def _query(name: str) -> str:
    return "?q=a%20b%7C%C3%A9&name=n" if "param" in name or name in {"post_form", "post_fstring", "post_json"} else ""


def _send_all(source: str, tmp_path: Path, label: str, recorder: Recorder) -> dict[str, list[RawRequest]]:
    module = load(source, tmp_path, label)
    sent: dict[str, list[RawRequest]] = {}
    with TestClient(module.app) as client:
        for name, method, path in _routes(module.app):
            before = len(recorder.requests)
            answer = client.request(method, path + _query(name))
            assert answer.status_code == 200, (name, answer.status_code, answer.text)
            sent[name] = recorder.requests[before:]
    return sent


def _without_user_agent(request: RawRequest) -> RawRequest:
    headers = tuple(sorted(h for h in request.headers if h[0] != "user-agent"))
    return RawRequest(request.line, headers, request.body)


def test_every_supported_call_form_sends_the_same_bytes(
    recorder: Recorder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UNBLOCK_UPSTREAM", recorder.url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    original, rewritten, result = rewrite("requests-call-forms", Settings(prefer="async"))
    chosen = strategies(result)
    swapped = {name for name, strategy in chosen.items() if strategy == "swap-to-async"}
    assert swapped == set(chosen) - REFUSED, chosen
    # Refused: converted to ``def`` or moved to the threadpool, requests either way.
    assert {chosen[name] for name in REFUSED} <= {"convert-to-def", "wrap-in-threadpool"}, chosen

    was = _send_all(original, tmp_path, "before", recorder)
    now = _send_all(rewritten, tmp_path, "after", recorder)
    assert set(was) == set(chosen)
    differ = {}
    for name in chosen:
        assert len(was[name]) == len(now[name]) == 1, (name, was[name], now[name])
        before, after = _without_user_agent(was[name][0]), _without_user_agent(now[name][0])
        if after != before:
            differ[name] = (before, after)
    assert not differ, f"the upstream received other bytes after the swap: {differ}"


def test_the_recorder_tells_the_two_libraries_apart(recorder: Recorder) -> None:
    """The comparison above can fail: httpx's own ``json=`` sends compact JSON."""
    import asyncio

    import httpx
    import requests

    requests.post(recorder.url + "/x", json={"a": 1}, timeout=5)

    async def send() -> None:
        async with httpx.AsyncClient() as client:
            await client.post(recorder.url + "/x", json={"a": 1})

    asyncio.run(send())
    by_requests, by_httpx = recorder.requests[-2:]
    assert by_requests.body == b'{"a": 1}'
    assert by_httpx.body != by_requests.body
