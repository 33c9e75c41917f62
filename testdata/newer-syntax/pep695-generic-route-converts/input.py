"""Python 3.12 syntax (PEP 695 generics and type aliases): the route still blocks."""

import time

from fastapi import FastAPI

type Payload = dict[str, object]
type Pair[K, V] = tuple[K, V]

app = FastAPI()


class Box[T]:
    def __init__(self, item: T) -> None:
        self.item = item


def first[T: (int, str)](items: list[T]) -> T:
    return items[0]


def pick[
    T,  # the element type
    *Ts,
](items: list[T], *rest: *Ts) -> T:
    return items[0]


@app.get("/slow")
async def slow(count: int) -> Payload:  # expect-fix: convert-to-def
    time.sleep(0.1 * first([count, 1]))  # expect: UNB100
    return {"box": Box(pick([count])).item}
