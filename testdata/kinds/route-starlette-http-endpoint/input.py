import subprocess

from starlette.applications import Starlette
from starlette.endpoints import HTTPEndpoint
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route


class DiskUsage(HTTPEndpoint):
    async def get(self, request: Request):  # expect-fix: convert-to-def
        usage = subprocess.check_output(["df", "-h", "/"], text=True)  # expect: UNB130
        return PlainTextResponse(usage)


app = Starlette(routes=[Route("/disk", DiskUsage)])
