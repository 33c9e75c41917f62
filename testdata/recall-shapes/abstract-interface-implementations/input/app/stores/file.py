import json
import sqlite3

from app.stores.base import Cache, Notifier, Registry


class FileRegistry(Registry):
    def __init__(self, path: str) -> None:
        self.path = path

    def list_projects(self) -> list[str]:
        with open(self.path) as handle:
            return json.load(handle)["projects"]


class SqlRegistry(Registry):
    def list_projects(self) -> list[str]:
        return [row[0] for row in sqlite3.connect("registry.db").execute("select name from projects")]


class MemoryCache(Cache):
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, key: str) -> str | None:
        return self.values.get(key)


class DiskCache(Cache):
    def get(self, key: str) -> str | None:
        with open(f"/var/cache/{key}") as handle:
            return handle.read()


class FileNotifier(Notifier):
    async def send(self, text: str) -> None:
        with open("/var/spool/notes", "a") as handle:
            handle.write(text)
