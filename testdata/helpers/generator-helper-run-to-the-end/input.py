import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from fastapi import FastAPI

app = FastAPI()


def iter_chunks(path: str, size: int) -> Iterator[str]:
    with open(path) as f:
        while chunk := f.read(size):
            yield chunk


@app.post("/load")
async def load(path: str):  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    # list() runs the generator to the end: it is list() that moves to the threadpool.
    chunks = list(iter_chunks(path, 1024))  # expect: UNB120
    return {"chunks": len(chunks)}


@app.post("/first")
async def first(path: str):  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    return {"first": next(iter_chunks(path, 64))}  # expect: UNB120


@contextmanager
def opened(path: str) -> Iterator[IO[str]]:
    # A decorated generator: ``with`` runs it, and the with block moves whole.
    with open(path) as f:
        yield f


def numbered(f: IO[str]) -> Iterator[str]:
    for number, line in enumerate(f):
        yield f"{number}: {line}"


@app.post("/numbered")
async def numbered_lines(path: str):  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    width = 0
    with opened(path) as f:  # expect: UNB120
        # The loop over the generator moves with the block that holds it.
        for line in numbered(f):
            width = max(width, len(line))
    return {"width": width}


class Corpus:
    @staticmethod
    def records(path: str) -> Iterator[str]:
        with open(path) as f:
            yield from f


@app.post("/records")
async def records(path: str):  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    found = sorted(Corpus.records(path))  # expect: UNB120
    return {"count": len(found)}
