import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


def load(path: Path) -> str:
    return path.read_text()


@app.post("/reload")
async def reload(folder: str):  # expect-fix: wrap-in-threadpool
    paths = sorted(Path(folder).glob("*.yml"))
    with ThreadPoolExecutor(max_workers=4) as pool:
        # The jobs run in the pool, but each result is waited for here, on the loop.
        texts = await run_in_threadpool(list, pool.map(load, paths))  # expect: UNB200
    await asyncio.sleep(0)
    return {"loaded": len(texts)}


@app.post("/reload-in-background")
async def reload_in_background(folder: str):
    paths = sorted(Path(folder).glob("*.yml"))
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=4) as pool:
        jobs = [loop.run_in_executor(pool, load, path) for path in paths]
        texts = await asyncio.gather(*jobs)
    return {"loaded": len(texts)}
