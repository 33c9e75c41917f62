"""Behaviour: rewritten apps answer exactly as the originals did, and stop blocking.

Each app under ``testdata/apps/<name>/app.py`` is a small FastAPI program of
our own. The test rewrites it with :func:`analyse_source`, imports the
original and the rewritten source as two modules, and sends both the same
requests through ``TestClient``: status codes, bodies (and chosen headers,
websocket messages) must match. Handlers that call ``requests`` talk to a real
HTTP server started on 127.0.0.1 for the module.

The fix is also checked where it matters: ten concurrent requests on one
event loop (``httpx.ASGITransport``, not ``TestClient``, which runs the app in
a portal thread) to a handler that sleeps 0.2 s take about 2 s before the
rewrite and about 0.2 s after.

Bugs these tests found are kept as regression tests at the end of the file.
"""

from __future__ import annotations

import ast
import asyncio
import importlib.util
import json
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient

from codemods.api import analyse_source
from codemods.models import FileResult, Settings

APPS = Path(__file__).resolve().parent.parent / "testdata" / "apps"
WRAP_OR_SWAP = frozenset({"wrap-in-threadpool", "swap-to-async"})


# --- the upstream server -----------------------------------------------------


#: ``/raw/<kind>``: "café" in UTF-8 under these Content-Types.
RAW_TYPES = {
    "declared": "text/plain; charset=utf-8",
    "undeclared": "text/plain",
    "json": "application/json",
}


class _Upstream(BaseHTTPRequestHandler):
    """``/echo/...`` answers what it was sent, as JSON; ``/raw/<kind>`` sends "café"; else 404."""

    def _answer(self) -> None:
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        kind = url.path.removeprefix("/raw/")
        if kind in RAW_TYPES:
            self._send(
                200, '"café"'.encode() if kind == "json" else "café".encode(), RAW_TYPES[kind]
            )
            return
        if not url.path.startswith("/echo/"):
            self._send(404, b"no such upstream path", "text/plain")
            return
        body = {
            "method": self.command,
            "path": url.path,
            "query": parse_qs(url.query),
            "json": json.loads(raw) if raw else None,
        }
        self._send(200, json.dumps(body, sort_keys=True).encode(), "application/json")

    def _send(self, status: int, payload: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def upstream() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Upstream)
    server.daemon_threads = True
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def env(upstream: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the apps at the upstream and at a data file; returns the data file."""
    data = tmp_path / "data.json"
    data.write_text('{\n  "a": 1,\n  "last": "line"\n}\n', encoding="utf-8")
    monkeypatch.setenv("UNBLOCK_UPSTREAM", upstream)
    monkeypatch.setenv("UNBLOCK_DATA_FILE", str(data))
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    return data


# --- rewriting and loading ---------------------------------------------------


def read_app(name: str) -> str:
    return (APPS / name / "app.py").read_text(encoding="utf-8")


def rewrite(name: str, settings: Settings | None = None) -> tuple[str, str, FileResult]:
    """Original and rewritten source of an app, after the checks every rewrite must pass."""
    original = read_app(name)
    result = analyse_source(original, "app.py", settings)
    assert result.error is None, result.error
    assert result.new_text is not None and result.new_text != original, "the tool changed nothing"
    assert all(f.fixed for f in result.findings), [(f.function, f.fix) for f in result.findings]
    compile(result.new_text, f"{name}/app.py (rewritten)", "exec", dont_inherit=True)
    again = analyse_source(result.new_text, "app.py", settings)
    assert again.error is None, again.error
    assert again.new_text is None or again.new_text == result.new_text, (
        "a second run changed the output"
    )
    assert not again.findings, [f.message for f in again.findings]
    return original, result.new_text, result


def strategies(result: FileResult) -> dict[str, str]:
    return {f.function: f.fix.strategy.value for f in result.findings}


def function_node(source: str, name: str) -> ast.FunctionDef | ast.AsyncFunctionDef:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name:
            return node
    raise AssertionError(f"no function {name!r}")


def assert_stays_async_and_changed(original: str, rewritten: str, name: str) -> None:
    before, after = function_node(original, name), function_node(rewritten, name)
    assert isinstance(before, ast.AsyncFunctionDef) and isinstance(after, ast.AsyncFunctionDef)
    assert ast.dump(before) != ast.dump(after), f"{name} was not rewritten"


def assert_converted_to_def(original: str, rewritten: str, name: str) -> None:
    assert isinstance(function_node(original, name), ast.AsyncFunctionDef)
    assert isinstance(function_node(rewritten, name), ast.FunctionDef)


def load(source: str, directory: Path, label: str) -> ModuleType:
    """Import ``source`` as a fresh module from a file in ``directory``."""
    module_name = f"_unblock_app_{label}_{uuid.uuid4().hex}"
    path = directory / f"{module_name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(module_name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(module_name, None)
    return module


def load_both(
    name: str, tmp_path: Path, settings: Settings | None = None
) -> tuple[ModuleType, ModuleType, str, str, FileResult]:
    original, rewritten, result = rewrite(name, settings)
    return (
        load(original, tmp_path, "before"),
        load(rewritten, tmp_path, "after"),
        original,
        rewritten,
        result,
    )


# --- exchanges ---------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    method: str
    url: str
    json: Any = None
    headers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    headers: dict[str, str | None] = field(default_factory=dict)


def exchange(module: ModuleType, calls: list[Call]) -> list[Answer]:
    answers = []
    with TestClient(module.app, raise_server_exceptions=False) as client:
        for call in calls:
            response = client.request(call.method, call.url, json=call.json)
            answers.append(
                Answer(
                    response.status_code,
                    response.content,
                    {h: response.headers.get(h) for h in call.headers},
                )
            )
    return answers


def assert_same_answers(before: ModuleType, after: ModuleType, calls: list[Call]) -> list[Answer]:
    old, new = exchange(before, calls), exchange(after, calls)
    for call, was, now in zip(calls, old, new):
        assert now == was, (
            f"{call.method} {call.url}: answered {now} after the rewrite, {was} before"
        )
    return old


# --- one test per app --------------------------------------------------------


def test_requests_get_without_await_is_converted_to_def(env: Path, tmp_path: Path) -> None:
    before, after, original, rewritten, result = load_both("requests-route", tmp_path)
    assert strategies(result) == {"read_item": "convert-to-def", "missing": "convert-to-def"}
    assert_converted_to_def(original, rewritten, "read_item")
    answers = assert_same_answers(
        before,
        after,
        [
            Call("GET", "/items/7?q=hello"),
            Call("GET", "/items/8"),
            Call("GET", "/items/not-a-number"),
            Call("GET", "/missing"),
        ],
    )
    assert [a.status for a in answers] == [200, 200, 422, 200]
    assert json.loads(answers[0].body)["upstream"]["query"] == {"q": ["hello"]}
    assert json.loads(answers[3].body) == {"status": 404, "text": "no such upstream path"}


def test_awaited_body_forwarded_with_requests_stays_async(env: Path, tmp_path: Path) -> None:
    before, after, original, rewritten, result = load_both("post-json-forward", tmp_path)
    # wrap-in-threadpool today; swap-to-async once requests -> httpx lands: either is right.
    assert set(strategies(result)) == {"forward", "forward_missing"}
    assert set(strategies(result).values()) <= WRAP_OR_SWAP
    assert_stays_async_and_changed(original, rewritten, "forward")
    assert_stays_async_and_changed(original, rewritten, "forward_missing")
    answers = assert_same_answers(
        before,
        after,
        [
            Call("POST", "/forward", json={"x": [1, 2], "y": "z"}),
            Call("POST", "/forward", json=[]),
            Call("POST", "/forward-missing", json={"k": 1}),
        ],
    )
    assert [a.status for a in answers] == [200, 200, 502]
    assert json.loads(answers[0].body)["forwarded"]["json"] == {"x": [1, 2], "y": "z"}


def test_websocket_time_sleep_is_swapped_to_asyncio_sleep(env: Path, tmp_path: Path) -> None:
    before, after, original, rewritten, result = load_both("websocket-sleep", tmp_path)
    assert strategies(result) == {"ticker": "swap-to-async"}
    assert_stays_async_and_changed(original, rewritten, "ticker")
    assert "await asyncio.sleep(0.01)" in rewritten and "time.sleep(" not in rewritten

    def converse(module: ModuleType) -> tuple[list[Any], Any]:
        with TestClient(module.app) as client, client.websocket_connect("/ws") as websocket:
            websocket.send_text("3")
            messages = [websocket.receive_json() for _ in range(3)]
            closing = websocket.receive()
        return messages, closing

    was, now = converse(before), converse(after)
    assert now == was
    assert was[0] == [{"tick": 0}, {"tick": 1}, {"tick": 2}]
    assert was[1]["type"] == "websocket.close"


def test_http_middleware_calling_requests_stays_async(env: Path, tmp_path: Path) -> None:
    before, after, original, rewritten, result = load_both("http-middleware", tmp_path)
    assert set(strategies(result)) == {"add_upstream_header"}
    assert set(strategies(result).values()) <= WRAP_OR_SWAP
    assert_stays_async_and_changed(original, rewritten, "add_upstream_header")
    headers = ("x-upstream-status", "x-upstream-path")
    answers = assert_same_answers(
        before,
        after,
        [
            Call("GET", "/hello", headers=headers),
            Call("GET", "/not-here", headers=headers),
        ],
    )
    assert answers[0] == Answer(
        200, b'{"hello":"world"}', {"x-upstream-status": "200", "x-upstream-path": "/hello"}
    )
    assert answers[1].status == 404 and answers[1].headers["x-upstream-path"] == "/not-here"


def test_with_open_block_moves_into_the_threadpool(env: Path, tmp_path: Path) -> None:
    before, after, original, rewritten, result = load_both("with-open-file", tmp_path)
    assert strategies(result) == {"merge": "wrap-in-threadpool"}
    assert_stays_async_and_changed(original, rewritten, "merge")
    handler = function_node(rewritten, "merge")
    nested = [n for n in handler.body if isinstance(n, ast.FunctionDef)]
    assert len(nested) == 1 and any(isinstance(n, ast.With) for n in nested[0].body), (
        "the with-block did not move"
    )
    answers = assert_same_answers(
        before,
        after,
        [
            Call("POST", "/merge", json={"b": 2}),
            Call("POST", "/merge", json={"a": 5}),
        ],
    )
    assert json.loads(answers[0].body) == {"merged": {"a": 1, "b": 2, "last": "line"}, "lines": 4}
    assert json.loads(answers[1].body)["merged"]["a"] == 5


def test_blocking_dependency(env: Path, tmp_path: Path) -> None:
    before, after, original, rewritten, result = load_both("blocking-dependency", tmp_path)
    assert strategies(result) == {"current_user": "convert-to-def"}
    assert_converted_to_def(original, rewritten, "current_user")
    answers = assert_same_answers(
        before,
        after,
        [
            Call("GET", "/me?token=alice"),
            Call("GET", "/me"),
        ],
    )
    assert answers[0] == Answer(200, b'{"user":"alice"}')
    assert answers[1] == Answer(401, b'{"detail":"no token"}')


def test_sync_helper_called_from_async_handler(env: Path, tmp_path: Path) -> None:
    before, after, original, rewritten, result = load_both("sync-helper", tmp_path)
    assert set(strategies(result)) == {"lookup_route"}
    assert set(strategies(result).values()) <= WRAP_OR_SWAP
    assert_stays_async_and_changed(original, rewritten, "lookup_route")
    assert ast.dump(function_node(original, "lookup")) == ast.dump(
        function_node(rewritten, "lookup")
    )
    answers = assert_same_answers(
        before,
        after,
        [
            Call("POST", "/lookup", json={"name": "bob"}),
            Call("POST", "/lookup", json={}),
        ],
    )
    assert answers[0] == Answer(200, b'{"found":"bob!","path":"/echo/lookup"}')
    assert answers[1].status == 500  # KeyError in the handler, before and after


def test_a_route_awaited_by_another_route_is_converted_with_its_callers(env: Path, tmp_path: Path) -> None:
    before, after, original, rewritten, result = load_both("awaited-route", tmp_path)
    assert strategies(result) == {"echo": "convert-to-def", "twice": "convert-to-def"}
    assert_converted_to_def(original, rewritten, "echo")
    assert "await run_in_threadpool(echo, word, loud=True)" in rewritten
    assert "return echo(\"script\")" in rewritten
    answers = assert_same_answers(
        before,
        after,
        [Call("GET", "/echo/hi"), Call("GET", "/echo/hi?loud=1"), Call("GET", "/echo/missing"),
         Call("GET", "/twice/hi"), Call("GET", "/twice/missing")],
    )
    assert answers[3].status == 200
    assert json.loads(answers[3].body)["second"] == {"word": "HI", "path": "/echo/hi"}
    assert answers[4].status == 404  # the HTTPException crosses run_in_threadpool unchanged
    assert before.main() == after.main() == {"word": "script", "path": "/echo/script"}


def test_sleep_routes_answer_the_same(tmp_path: Path) -> None:
    before, after, original, rewritten, result = load_both("sleep-concurrency", tmp_path)
    assert strategies(result) == {
        "sleep_route": "convert-to-def",
        "sleep_await_route": "swap-to-async",
    }
    assert_converted_to_def(original, rewritten, "sleep_route")
    assert_stays_async_and_changed(original, rewritten, "sleep_await_route")
    assert_same_answers(before, after, [Call("GET", "/sleep"), Call("GET", "/sleep-await")])


# --- the point of it all: the loop is free -----------------------------------


async def _burst(app: Any, path: str, count: int) -> float:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test", timeout=30) as client:
        start = time.perf_counter()
        responses = await asyncio.gather(*(client.get(path) for _ in range(count)))
        elapsed = time.perf_counter() - start
    assert [r.status_code for r in responses] == [200] * count
    return elapsed


@pytest.mark.parametrize(
    "path", ["/sleep", "/sleep-await"], ids=["convert-to-def", "swap-to-async"]
)
def test_rewritten_handler_no_longer_blocks_the_loop(path: str, tmp_path: Path) -> None:
    count = 10
    before, after, *_ = load_both("sleep-concurrency", tmp_path)
    serial = asyncio.run(_burst(before.app, path, count))
    concurrent = asyncio.run(_burst(after.app, path, count))
    # time.sleep(0.2) ten times on one loop cannot take less than 2 s.
    assert serial >= 0.2 * count * 0.9, f"the original did not block? {serial:.2f}s"
    # Half the serial time already needs two requests sleeping at once; a third failed on a
    # machine whose two cores were busy with another run (0.95 s against 2.03 s).
    assert concurrent < serial / 2, f"after the rewrite {concurrent:.2f}s, before {serial:.2f}s"


# --- bugs found by these tests, now fixed (kept as regressions) -------------


def test_swapped_requests_call_does_no_tls_setup_on_the_loop(
    env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ssl

    _, after, *_ = load_both("post-json-forward", tmp_path)
    on_loop: list[str] = []
    loop_thread: list[int] = []
    original = ssl.SSLContext.load_verify_locations

    def counting(self: ssl.SSLContext, *args: Any, **kwargs: Any) -> None:
        if threading.get_ident() in loop_thread:
            on_loop.append("load_verify_locations")
        original(self, *args, **kwargs)

    monkeypatch.setattr(ssl.SSLContext, "load_verify_locations", counting)

    async def burst() -> None:
        loop_thread.append(threading.get_ident())
        transport = httpx.ASGITransport(app=after.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            calls = (client.post("/forward", json={"n": n}) for n in range(10))
            responses = await asyncio.gather(*calls)
        assert [r.status_code for r in responses] == [200] * 10

    asyncio.run(burst())
    assert on_loop == [], f"{len(on_loop)} CA bundles loaded on the event loop for 10 requests"


@pytest.mark.parametrize(
    "kind",
    [
        "declared",
        "json",
        "undeclared",
    ],
)
def test_swapped_response_text_decodes_the_same(kind: str, env: Path, tmp_path: Path) -> None:
    before, after, original, rewritten, result = load_both("httpx-swap-text-charset", tmp_path)
    assert set(strategies(result).values()) <= WRAP_OR_SWAP
    assert_stays_async_and_changed(original, rewritten, "relay")
    answers = assert_same_answers(before, after, [Call("GET", f"/relay/{kind}")])
    assert answers[0].status == 200


@pytest.mark.parametrize(
    "name, calls",
    [
        pytest.param(
            "with-conditional-assignment",
            [
                Call("POST", "/read?verbose=true", json={"v": 1}),
                Call("POST", "/read", json={"v": 2}),
            ],
            id="conditional-assignment",
        ),
        pytest.param(
            "with-walrus-in-comprehension",
            [Call("POST", "/last-line", json={"w": 1})],
            id="walrus-in-comprehension",
        ),
    ],
)
def test_moved_with_block_keeps_behaviour(
    name: str, calls: list[Call], env: Path, tmp_path: Path
) -> None:
    before, after, _, _, result = load_both(name, tmp_path)
    assert set(strategies(result).values()) == {"wrap-in-threadpool"}
    answers = assert_same_answers(before, after, calls)
    assert {a.status for a in answers} == {200}


def test_unwrappable_class_body_does_not_cost_the_other_handlers(env: Path, tmp_path: Path) -> None:
    original = read_app("class-body-in-handler")
    result = analyse_source(original, "app.py")
    assert result.error is None, result.error
    fixes = {f.function: (f.fix.strategy.value, f.fixed) for f in result.findings}
    assert fixes["settings"] == ("none", False)
    assert fixes["forward"][1] and fixes["forward"][0] in WRAP_OR_SWAP
    assert result.new_text is not None
    assert_stays_async_and_changed(original, result.new_text, "forward")
    before, after = load(original, tmp_path, "before"), load(result.new_text, tmp_path, "after")
    assert_same_answers(
        before, after, [Call("POST", "/settings", json={}), Call("POST", "/forward", json={"f": 1})]
    )


def test_class_body_app_runs_unchanged(env: Path, tmp_path: Path) -> None:
    """The app the test above rewrites does work as written (so that test is about the tool)."""
    module = load(read_app("class-body-in-handler"), tmp_path, "as-is")
    answers = exchange(
        module, [Call("POST", "/settings", json={"s": 1}), Call("POST", "/forward", json={"f": 1})]
    )
    assert [a.status for a in answers] == [200, 200]
