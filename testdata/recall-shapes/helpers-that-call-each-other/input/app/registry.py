"""A registry served from a cached copy, which it refreshes by listing through itself, uncached."""

import sqlite3
import time


class Registry:
    def __init__(self, path: str) -> None:
        self.path = path
        self.cached: list[str] = []
        self.refreshed = 0.0

    def list_projects(self, allow_cache: bool = False) -> list[str]:
        if allow_cache:
            self._refresh_if_stale()
            return self.cached
        return self._query_projects()

    def _refresh_if_stale(self) -> None:
        if time.monotonic() - self.refreshed > 60:
            self.refresh()

    def refresh(self) -> None:
        self.cached = self.list_projects(allow_cache=False)
        self.refreshed = time.monotonic()

    def _query_projects(self) -> list[str]:
        with sqlite3.connect(self.path) as connection:
            return [row[0] for row in connection.execute("SELECT name FROM projects")]


registry = Registry("/srv/registry.db")
