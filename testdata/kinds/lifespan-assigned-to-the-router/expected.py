"""A lifespan set by assignment to ``app.router.lifespan_context``, wrapping the app's own."""

from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

pool = ProcessPoolExecutor()


def mount_extension(app: FastAPI) -> None:
    original = app.router.lifespan_context

    @asynccontextmanager
    async def wrapped(app):  # expect-fix: wrap-in-threadpool
        async with original(app) as state:
            yield state
        await run_in_threadpool(pool.shutdown, wait=True)  # expect: UNB200

    app.router.lifespan_context = wrapped


class Settings:
    lifespan_context = None


async def not_a_lifespan(app):
    pool.shutdown(wait=True)


settings = Settings()
settings.lifespan_context = not_a_lifespan
app = FastAPI()
mount_extension(app)
