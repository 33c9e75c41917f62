"""An object that may be a sync or an async store: the code awaits the async one and hands
the sync one to the threadpool, so nothing blocks the loop."""

import asyncio
import sqlite3
from typing import Any

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool


class SqliteStore:
    def get_row(self, key: str) -> tuple | None:
        with sqlite3.connect("rows.db") as connection:
            return connection.execute("select * from rows where key = ?", (key,)).fetchone()


class MemoryStore:
    def __init__(self) -> None:
        self.rows: dict[str, tuple] = {}

    async def get_row(self, key: str) -> tuple | None:
        return self.rows.get(key)


def create_app(store: SqliteStore | MemoryStore) -> FastAPI:
    app = FastAPI()

    @app.get("/rows/{key}")
    async def read_row(key: str):
        if isinstance(store, MemoryStore):
            return await store.get_row(key)
        return await run_in_threadpool(store.get_row, key)

    return app


def create_sqlite_app(store: Any) -> FastAPI:
    """Only ever given the sync store: the branch for the async one is never taken."""
    app = FastAPI()

    @app.get("/rows/{key}")
    async def read_row(key: str):
        if isinstance(store, MemoryStore):
            return await store.get_row(key)
        return await run_in_threadpool(store.get_row, key)

    return app


sqlite_app = create_sqlite_app(SqliteStore())


class Rows:
    """Looks the store's methods up by name: awaited when the store is async, else in a thread."""

    def __init__(self, store: SqliteStore | MemoryStore) -> None:
        self._store = store
        self._store_is_async = isinstance(store, MemoryStore)

    async def _call(self, name: str, *args: str) -> tuple | None:
        method = getattr(self._store, name)
        if self._store_is_async:
            return await method(*args)
        return await asyncio.to_thread(method, *args)

    async def get(self, key: str) -> tuple | None:
        return await self._call("get_row", key)


ROWS = Rows(SqliteStore())


@sqlite_app.get("/rows-by-name/{key}")
async def read_row_by_name(key: str):
    return await ROWS.get(key)
