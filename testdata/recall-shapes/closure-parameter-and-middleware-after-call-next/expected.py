import sqlite3

import redis
from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from starlette.middleware.base import BaseHTTPMiddleware


class Audit:
    def __init__(self, path: str) -> None:
        self.path = path

    def record(self, line: str) -> None:
        with open(self.path, "a") as handle:
            handle.write(line + "\n")


class AuditMiddleware(BaseHTTPMiddleware):
    def __init__(self, app, audit: Audit) -> None:
        super().__init__(app)
        self.audit = audit

    async def dispatch(self, request: Request, call_next):  # expect-fix: wrap-in-threadpool
        response = await call_next(request)
        await run_in_threadpool(
            self.audit.record, f"{request.url.path} {response.status_code}"
        )  # expect: UNB120
        return response


def create_app(database: sqlite3.Connection, cache: redis.Redis) -> FastAPI:
    app = FastAPI()
    app.add_middleware(AuditMiddleware, audit=Audit("/var/log/audit.log"))

    @app.middleware("http")
    async def count_requests(request: Request, call_next):  # expect-fix: wrap-in-threadpool
        response = await call_next(request)
        await run_in_threadpool(cache.incr, "requests")  # expect: UNB150
        return response

    @app.get("/rows")
    def rows():  # expect-fix: convert-to-def
        return database.execute("select count(*) from items").fetchone()  # expect: UNB140

    return app
