import subprocess

from fastapi import FastAPI, Request
from starlette.middleware.base import BaseHTTPMiddleware


class HeaderMiddleware(BaseHTTPMiddleware):
    header_name = "x-build"


class BuildHeaderMiddleware(HeaderMiddleware):
    async def dispatch(self, request: Request, call_next):  # expect-fix: wrap-in-threadpool
        revision = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True)  # expect: UNB130
        response = await call_next(request)
        response.headers[self.header_name] = revision.stdout.strip()
        return response


app = FastAPI()
app.add_middleware(BuildHeaderMiddleware)
