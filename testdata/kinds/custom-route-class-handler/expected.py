"""A custom ``APIRoute`` class: the handler its ``get_route_handler`` returns wraps every route of the router."""

import gzip
from typing import Callable

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.routing import APIRoute


class AuditedRoute(APIRoute):
    def get_route_handler(self) -> Callable:
        original = super().get_route_handler()

        async def audited(request: Request) -> Response:  # expect-fix: wrap-in-threadpool
            def _blocking_io_1():
                with open("audit.log", "a") as log:  # expect: UNB120
                    log.write(f"{request.method} {request.url}\n")  # expect: UNB120

            await run_in_threadpool(_blocking_io_1)
            return await original(request)

        return audited


class GzipRoute(APIRoute):
    def get_route_handler(self) -> Callable:
        original = super().get_route_handler()

        async def gunzip(request: Request) -> Response:
            if request.headers.get("content-encoding") == "gzip":
                body = gzip.decompress(await request.body())
                request._body = body
            return await original(request)

        return gunzip


class UnusedRoute(APIRoute):
    def get_route_handler(self) -> Callable:
        original = super().get_route_handler()

        async def never_used(request: Request) -> Response:
            with open("unused.log", "a") as log:
                log.write("never registered\n")
            return await original(request)

        return never_used


app = FastAPI()
app.router.route_class = GzipRoute
audited = APIRouter(route_class=AuditedRoute)


@audited.get("/orders")
async def orders():
    return []


app.include_router(audited)
