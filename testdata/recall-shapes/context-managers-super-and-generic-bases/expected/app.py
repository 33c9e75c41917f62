import sqlite3
from contextlib import asynccontextmanager, contextmanager
from typing import Any, Generic, TypeVar

import redis
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

T = TypeVar("T")


@contextmanager
def connection():
    conn = sqlite3.connect("app.db")
    try:
        yield conn
    finally:
        conn.close()


@asynccontextmanager
async def model_client(name: str):  # expect-fix: wrap-in-threadpool
    models = await run_in_threadpool(redis.Redis().hgetall, "models")  # expect: UNB150
    yield models.get(name)


class BaseDao(Generic[T]):
    def get_one(self, key: int) -> Any:
        with connection() as conn:
            return conn.execute("select * from items where id = ?", (key,)).fetchone()


class ItemDao(BaseDao[dict]):
    pass


class BaseService:
    def get(self, key: int) -> Any:
        return {"key": key}


class ItemService(BaseService):
    def __init__(self) -> None:
        self.dao = ItemDao()

    def get(self, key: int) -> Any:
        return super().get(key) | {"row": self.dao.get_one(key)}


def make_cache() -> Any:
    return redis.Redis(host="cache")


cache = make_cache()


@asynccontextmanager
async def lifespan(app: FastAPI):
    yield


async def quiet_lifespan(app: FastAPI):
    yield


app = FastAPI(lifespan=lifespan or quiet_lifespan)
service = ItemService()


@app.get("/items/{key}")
def item(key: int):  # expect-fix: convert-to-def
    return service.get(key)  # expect: UNB140


@app.get("/models/{name}")
async def model(name: str):  # expect-fix: wrap-in-threadpool
    async with model_client(name) as client:  # expect: UNB150
        return {"client": client}


@app.get("/hits")
def hits():  # expect-fix: convert-to-def
    return {"hits": cache.get("hits")}  # expect: UNB150
