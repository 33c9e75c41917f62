import asyncio
import time

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


class AttemptStore:
    payload = "flow"

    def consume(self, owner_id: str, state: str) -> "AttemptStore":
        time.sleep(0.1)
        return self


def attempt_store() -> AttemptStore:
    return AttemptStore()


@app.post("/oauth/callback")
async def callback(owner: str, value: str):  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    # The blocking call sits in the middle of a chain split before its dots: the callee
    # left (``attempt_store().consume``) goes on one line, and the trailer hangs on the
    # closing bracket of the awaited call, as ruff format lays it out.
    flow = (
        await run_in_threadpool(
            attempt_store().consume,  # expect: UNB100
            owner_id=owner,
            state=value,
        )
    ).payload
    # Two calls after it: the trailer stays one link per line.
    again = (
        await run_in_threadpool(
            lambda: (
                attempt_store()  # expect: UNB100
                .consume(
                    owner_id=owner,
                    state=value,
                )
                .consume(owner_id=owner, state=value)
            )
        )
    ).payload
    return {"flow": flow, "again": again}
