import subprocess

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from starlette.middleware.base import BaseHTTPMiddleware


class HeaderMiddleware(BaseHTTPMiddleware):
    header_name = "x-build"


class BuildHeaderMiddleware(HeaderMiddleware):
    async def dispatch(self, request: Request, call_next):  # expect-fix: wrap-in-threadpool
        revision = await run_in_threadpool(
            subprocess.run,
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
        )  # expect: UNB130
        response = await call_next(request)
        response.headers[self.header_name] = revision.stdout.strip()
        return response


app = FastAPI()
app.add_middleware(BuildHeaderMiddleware)
