"""A memoised factory called with the same settings on every request: built once per process."""

import os
from functools import lru_cache

from fastapi import Depends, FastAPI
from sqlalchemy import create_engine, text
from sqlalchemy.ext.asyncio import create_async_engine

app = FastAPI()


class Settings:
    def __init__(self) -> None:
        self.url = os.environ.get("DATABASE_URL", "postgresql+asyncpg://db/app")
        self.pool_size = 5

    def as_dict(self) -> dict:
        return {"url": self.url, "pool_size": self.pool_size}


class Adapter:
    def __init__(self, url: str, pool_size: int) -> None:
        # Checks the server once, synchronously, when the adapter is built.
        with create_engine(url.replace("+asyncpg", "")).connect() as connection:
            connection.execute(text("select 1"))
        self.engine = create_async_engine(url, pool_size=pool_size)

    async def count(self, table: str) -> int:
        async with self.engine.connect() as connection:
            result = await connection.execute(text(f"select count(*) from {table}"))
            return int(result.scalar_one())


@lru_cache(maxsize=4)
def create_adapter(url: str, pool_size: int) -> Adapter:
    return Adapter(url, pool_size)


def get_adapter() -> Adapter:
    settings = Settings()
    return create_adapter(**settings.as_dict())


@app.get("/tables/{name}/count")
async def count_rows(name: str):
    return {"rows": await get_adapter().count(name)}


@lru_cache
def get_settings() -> Settings:
    return Settings()


def adapter_for(settings: Settings = Depends(get_settings)) -> Adapter:
    return create_adapter(settings.url, settings.pool_size)


@app.get("/tables/{name}/exists")
async def table_exists(name: str, settings: Settings = Depends(get_settings)):
    # ``get_settings`` is memoised and takes nothing: every request passes the same settings.
    return {"exists": await adapter_for(settings).count(name) >= 0}
