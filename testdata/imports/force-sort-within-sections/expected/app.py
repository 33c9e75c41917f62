from contextlib import asynccontextmanager
import logging
import subprocess

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exception_handlers import http_exception_handler
import httpx
from starlette.exceptions import HTTPException

logger = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app: FastAPI):
    async with httpx.AsyncClient() as client:
        app.state.client = client
        yield


app = FastAPI(lifespan=lifespan)


@app.exception_handler(HTTPException)
async def log_errors(request: Request, exc: HTTPException):
    logger.info("%s failed", request.url)
    return await http_exception_handler(request, exc)


@app.post("/sync")
async def sync(request: Request):  # expect-fix: wrap-in-threadpool
    # The project's sorter orders `import x` and `from x import y` together by module
    # (force-sort-within-sections): the added import goes between `fastapi` and
    # `fastapi.exception_handlers`, not after the last `from` import.
    await request.body()
    await run_in_threadpool(subprocess.run, ["sync"], check=True)  # expect: UNB130
    return {"synced": True}
