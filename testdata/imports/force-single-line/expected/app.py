import subprocess

from fastapi import FastAPI
from fastapi import Request
from fastapi.concurrency import iterate_in_threadpool
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.get("/items")
async def items(request: Request):  # expect-fix: wrap-in-threadpool
    # The project's sorter keeps one name per line (force-single-line): the added
    # name gets a line of its own in sorted place, not a merge into the line above.
    await request.body()
    await run_in_threadpool(subprocess.run, ["sync"], check=True)  # expect: UNB130
    return [item async for item in iterate_in_threadpool(iter([1, 2]))]
