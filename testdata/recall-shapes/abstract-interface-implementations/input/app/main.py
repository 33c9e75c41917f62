from fastapi import FastAPI

from app.stores.base import Cache, Events, Notifier, Registry
from app.stores.events import HttpEvents
from app.stores.file import FileRegistry, MemoryCache

app = FastAPI()


class Store:
    def __init__(self) -> None:
        self._registry: Registry = FileRegistry("registry.json")
        self.cache: Cache = MemoryCache()
        self.events: Events = HttpEvents()

    @property
    def registry(self) -> Registry:
        return self._registry

    def notifier(self) -> Notifier:
        return load_plugin("notifier")


def load_plugin(name: str):
    return globals()[name]


store = Store()


@app.get("/projects")
async def projects():  # expect-fix: convert-to-def
    return store.registry.list_projects()  # expect: UNB120, UNB140


@app.get("/cached/{key}")
async def cached(key: str):
    return {"value": store.cache.get(key)}


@app.get("/events")
async def events():
    return await store.events.recent()


@app.post("/notify")
async def notify(text: str):
    await store.notifier().send(text)
    return {"sent": True}
