"""``with ThreadPoolExecutor() as pool:`` leaves through ``shutdown(wait=True)``: when the
awaited job times out or the request is cancelled, the job still runs, and the loop waits
for it to finish before anything else can run."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from fastapi import FastAPI

app = FastAPI()
SHARED_POOL = ThreadPoolExecutor(max_workers=4)


def scan(text: str) -> bool:
    return "secret" not in text


@app.post("/scan")
async def scan_with_timeout(text: str):  # expect-fix: none
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=1) as executor:  # expect: UNB200
        safe = await asyncio.wait_for(loop.run_in_executor(executor, scan, text), timeout=10)
    return {"safe": safe}


@app.post("/scan/shared")
async def scan_on_shared_pool(text: str):
    # A pool made once: nothing is shut down per request.
    loop = asyncio.get_running_loop()
    return {"safe": await loop.run_in_executor(SHARED_POOL, scan, text)}
