import socket

from fastapi.concurrency import run_in_threadpool


def upstream_is_up(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=5):
            return True
    except OSError:
        return False


class HostRouter:
    """Sends ``<name>.local`` hosts to a local upstream, after checking it listens."""

    def __init__(self, app, suffix: str = "local") -> None:
        self.app = app
        self.suffix = suffix

    async def __call__(self, scope, receive, send):  # expect-fix: wrap-in-threadpool
        if scope["type"] == "http" and not await run_in_threadpool(
            upstream_is_up, "127.0.0.1", 8081
        ):  # expect: UNB180
            scope = dict(scope, path="/offline")
        await self.app(scope, receive, send)


def install_host_router(app) -> None:
    app.add_middleware(HostRouter, suffix="local")
