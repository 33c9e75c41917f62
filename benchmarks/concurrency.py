"""How many requests a blocking handler serves at once, before and after fastapi-unblock.

Builds a small FastAPI app whose handlers block for 0.2 s (``time.sleep`` and
a ``requests`` call to a local upstream that sleeps 0.2 s), rewrites it with
the tool, then sends N concurrent requests to each handler of both versions
on one event loop (``httpx.ASGITransport``: no server, no threads but the
app's own) and prints a Markdown table: the median of several runs, in
seconds and requests per second.

    python benchmarks/concurrency.py              # N = 1, 10, 50; median of 3
    python benchmarks/concurrency.py --counts 1 10 --runs 5

Needs fastapi, httpx and requests (the ``test`` extra). Takes about 3 minutes
with the defaults: the unfixed handlers serialize, 50 x 0.2 s = 10 s a run.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import importlib.util
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

import httpx

from codemods.api import analyse_source
from codemods.models import Settings

DELAY = 0.2

#: The app under test. Two handlers have nothing to await (the tool converts
#: them to ``def``); two await first, so they must stay async (swap or wrap).
APP = f"""\
import asyncio
import os
import time

import requests
from fastapi import FastAPI

UPSTREAM = os.environ["UNBLOCK_BENCH_UPSTREAM"]

app = FastAPI()


@app.get("/sleep")
async def sleep_route():
    time.sleep({DELAY})
    return {{"ok": True}}


@app.get("/sleep-after-await")
async def sleep_after_await():
    await asyncio.sleep(0)
    time.sleep({DELAY})
    return {{"ok": True}}


@app.get("/requests")
async def requests_route():
    response = requests.get(UPSTREAM + "/slow", timeout=30)
    return {{"upstream": response.status_code}}


@app.get("/requests-after-await")
async def requests_after_await():
    await asyncio.sleep(0)
    response = requests.get(UPSTREAM + "/slow", timeout=30)
    return {{"upstream": response.status_code}}
"""

HANDLERS = {
    "/sleep": ("sleep_route", "time.sleep"),
    "/sleep-after-await": ("sleep_after_await", "time.sleep after an await"),
    "/requests": ("requests_route", "requests.get"),
    "/requests-after-await": ("requests_after_await", "requests.get after an await"),
}


class _Slow(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        time.sleep(DELAY)
        payload = b'{"slept": true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Upstream(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # 50 connections arrive at once


def start_upstream() -> tuple[_Upstream, threading.Thread, str]:
    server = _Upstream(("127.0.0.1", 0), _Slow)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    return server, thread, f"http://127.0.0.1:{server.server_address[1]}"


def load(source: str, directory: Path, name: str) -> ModuleType:
    path = directory / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def burst(app: Any, path: str, count: int) -> float:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://bench", timeout=120
    ) as client:
        start = time.perf_counter()
        responses = await asyncio.gather(*(client.get(path) for _ in range(count)))
        elapsed = time.perf_counter() - start
    bad = [r.status_code for r in responses if r.status_code != 200]
    if bad:
        raise SystemExit(f"{path}: {len(bad)} of {count} requests failed ({bad[0]})")
    return elapsed


def median_time(app: Any, path: str, count: int, runs: int) -> float:
    return statistics.median(asyncio.run(burst(app, path, count)) for _ in range(runs))


def cpu_count() -> str:
    if shutil.which("nproc"):
        return subprocess.run(["nproc"], capture_output=True, text=True, check=False).stdout.strip()
    return str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--counts", type=int, nargs="+", default=[1, 10, 50], help="concurrent requests per burst"
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="runs per measurement; the median is shown"
    )
    args = parser.parse_args(argv)

    result = analyse_source(APP, "app.py", Settings())
    if result.error is not None or result.new_text is None:
        raise SystemExit(f"the tool did not rewrite the app: {result.error}")
    chosen = {f.function: f.fix.strategy.value for f in result.findings if f.fixed}

    server, thread, upstream = start_upstream()
    os.environ["UNBLOCK_BENCH_UPSTREAM"] = upstream
    rows = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            before = load(APP, Path(tmp), "bench_before")
            after = load(result.new_text, Path(tmp), "bench_after")
            for path, (function, label) in HANDLERS.items():
                for app in (before.app, after.app):  # warm up: first request pays for imports
                    asyncio.run(burst(app, path, 1))
                for count in args.counts:
                    old = median_time(before.app, path, count, args.runs)
                    new = median_time(after.app, path, count, args.runs)
                    rows.append((label, chosen.get(function, "not fixed"), count, old, new))
                    print(f"  {path} N={count}: {old:.3f}s -> {new:.3f}s", file=sys.stderr)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(f"Date: {today}  ")
    python = (
        f"{platform.python_version()} ({platform.python_implementation()}, {platform.system()})"
    )
    print(f"Python: {python}  ")
    print(f"nproc: {cpu_count()}  ")
    print(
        f"Each handler blocks for {DELAY} s; median of {args.runs} runs; "
        "N concurrent requests on one event loop via httpx.ASGITransport."
    )
    print()
    print(
        "| handler | fix | N | before (s) | after (s) | before (req/s) | after (req/s) | speed-up |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, fix, count, old, new in rows:
        print(
            f"| {label} | `{fix}` | {count} | {old:.3f} | {new:.3f} "
            f"| {count / old:.1f} | {count / new:.1f} | {old / new:.1f}x |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
