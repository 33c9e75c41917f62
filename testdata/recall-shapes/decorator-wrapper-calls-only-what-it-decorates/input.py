"""A tracing decorator applied to many functions: its wrapper's ``f(*args)`` runs the function
it decorates at that call, not every function the decorator is applied to.

``traced`` wraps a handler that does its work in a thread and a helper that queries the
database: calling the first through its wrapper does not reach the second. The wrapper's
own work (here a timer) still counts, and a decorated helper that blocks is still found. A
decorator only ever applied by an explicit call (``retried(archive_orders)``) runs what it
was given.
"""

import asyncio
import functools
import time
from collections.abc import Callable
from typing import TypeVar

from fastapi import FastAPI
from sqlalchemy import create_engine, text

T = TypeVar("T", bound=Callable)
engine = create_engine("postgresql://db/app")
app = FastAPI()


def traced(f: T) -> T:
    if asyncio.iscoroutinefunction(f):

        @functools.wraps(f)
        async def async_wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return await f(*args, **kwargs)
            finally:
                print(f.__name__, time.perf_counter() - started)

        return async_wrapper

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return f(*args, **kwargs)
        finally:
            print(f.__name__, time.perf_counter() - started)

    return wrapper


@traced
def count_orders() -> int:
    with engine.connect() as connection:
        return connection.execute(text("SELECT count(*) FROM orders")).scalar_one()


@traced
def render_total(total: int) -> str:
    return f"{total} orders"


@traced
async def total_in_thread() -> str:
    total = await asyncio.to_thread(count_orders)
    return render_total(total)


@app.get("/orders/total")
async def orders_total():
    return {"total": await total_in_thread()}


@app.get("/orders/count")
async def orders_count():  # expect-fix: convert-to-def
    return {"count": count_orders()}  # expect: UNB140


def archive_orders() -> int:
    with engine.begin() as connection:
        return connection.execute(text("DELETE FROM orders WHERE archived")).rowcount


def retried(f):
    def attempt(*args, **kwargs):
        for _ in range(3):
            try:
                return f(*args, **kwargs)
            except OSError:
                time.sleep(0.1)
        return f(*args, **kwargs)

    return attempt


archive_retried = retried(archive_orders)


@app.post("/orders/archive")
async def orders_archive():  # expect-fix: convert-to-def
    return {"archived": archive_retried()}  # expect: UNB100,UNB140
