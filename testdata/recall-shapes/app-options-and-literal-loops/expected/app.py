import json
from abc import ABC, abstractmethod
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool


class Store(ABC):
    @abstractmethod
    async def load(self) -> None: ...


class FileStore(Store):
    def __init__(self, path: str) -> None:
        self.path = path
        self.data: dict[str, str] = {}

    async def load(self) -> None:  # expect-fix: wrap-in-threadpool
        def _blocking_io_1():
            with open(self.path) as handle:  # expect: UNB120
                self.data = json.load(handle)  # expect: UNB120

        await run_in_threadpool(_blocking_io_1)


class MemoryStore(Store):
    async def load(self) -> None:
        return None


class Indexes:
    async def warm(self) -> None:
        return None


docs = FileStore("docs.json")
chunks = MemoryStore()
indexes = Indexes()


@asynccontextmanager
async def lifespan(app: FastAPI):  # expect-fix: wrap-in-threadpool
    for store in (docs, chunks):
        await store.load()  # expect: UNB120
    yield


@asynccontextmanager
async def quiet_lifespan(app: FastAPI):
    for store in (chunks, indexes):
        await store.load()
    for name in ["docs", "chunks"]:
        print(name)
    yield


async def not_registered():
    for store in (docs,):
        await store.load()


options = {"title": "shop", "lifespan": lifespan}
app = FastAPI(**options)

quiet_options = {"lifespan": quiet_lifespan, **options}
quiet = FastAPI(**quiet_options)
