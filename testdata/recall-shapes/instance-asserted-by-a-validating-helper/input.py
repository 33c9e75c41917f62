import importlib
import sqlite3

from fastapi import FastAPI, HTTPException

app = FastAPI()


class SqlStore:
    def __init__(self, path: str) -> None:
        self.path = path

    def list_endpoints(self) -> list[str]:
        with sqlite3.connect(self.path) as connection:
            return [row[0] for row in connection.execute("SELECT name FROM endpoints")]


class MemoryStore:
    def list_endpoints(self) -> list[str]:
        return ["default"]


def load_store(dotted: str):
    """Chosen by configuration: nothing here says which class it builds."""
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)()


def validate_store(store) -> None:
    if not isinstance(store, SqlStore):
        raise HTTPException(status_code=500, detail="endpoints need the SQL store")


@app.get("/endpoints")
async def endpoints():  # expect-fix: convert-to-def
    store = load_store("app.SqlStore")
    validate_store(store)
    return store.list_endpoints()  # expect: UNB140


@app.get("/checked")
async def checked():  # expect-fix: convert-to-def
    store = load_store("app.SqlStore")
    assert isinstance(store, SqlStore)
    return store.list_endpoints()  # expect: UNB140


@app.get("/memory")
async def memory():
    store = load_store("app.MemoryStore")
    if not isinstance(store, MemoryStore):
        raise HTTPException(status_code=500)
    return store.list_endpoints()
