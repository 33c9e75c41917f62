import asyncio
from collections.abc import Iterator

from fastapi import FastAPI

app = FastAPI()


def iter_chunks(path: str, size: int) -> Iterator[str]:
    with open(path) as f:
        while chunk := f.read(size):
            yield chunk


@app.post("/count")
async def count(path: str):  # expect-fix: none
    await asyncio.sleep(0)
    total = 0
    # The file is read as the loop asks for chunks: wrapping only the call in the
    # threadpool would make the generator there and read it here, on the loop.
    for chunk in iter_chunks(path, 1024):  # expect: UNB120
        total += len(chunk)
    return {"total": total}
