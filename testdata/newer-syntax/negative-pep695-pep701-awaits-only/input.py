"""Python 3.12 syntax that must not be reported: nothing here blocks the loop."""

import asyncio
import time

from fastapi import FastAPI

type Handler[T] = Callable[[T], Awaitable[None]]

app = FastAPI()


class Queue[T]:
    def __init__(self) -> None:
        self.items: list[T] = []


@app.get("/wait")
async def wait(seconds: float) -> dict[str, str]:
    await asyncio.sleep(seconds)

    def later[T](value: T) -> T:
        time.sleep(1)  # in a nested def: not run by the handler
        return value

    text = f"{"time.sleep(1)"} is only text, {f"{seconds!r:>{8}}"}"
    return {"said": text, "later": f"{later.__name__}", "queue": f"{Queue[int]().items}"}
