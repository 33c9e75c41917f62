import asyncio

import yaml
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from starlette.status import HTTP_200_OK

from .settings import DATA_DIR

import shutil  # isort: skip

app = FastAPI()


@app.delete("/datasets/{name}", status_code=HTTP_200_OK)
async def drop_dataset(name: str):  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    # The imports are sorted but for the one marked ``isort: skip``, which sorters
    # leave alone: run_in_threadpool goes in its sorted place, not after starlette's.
    await run_in_threadpool(shutil.rmtree, DATA_DIR / name)  # expect: UNB120
    return yaml.safe_dump({"dropped": name})
