import time

from fastapi import Request
from fastapi.concurrency import run_in_threadpool

from .base import TimedMiddleware


class SlowRequestLog(TimedMiddleware):
    async def dispatch(self, request: Request, call_next):  # expect-fix: wrap-in-threadpool
        started = time.monotonic()
        response = await call_next(request)
        elapsed = time.monotonic() - started
        if elapsed > self.slow_after:

            def _blocking_io_1():
                with open("slow.log", "a", encoding="utf-8") as log:  # expect: UNB120
                    log.write(f"{request.url.path} {elapsed:.2f}\n")  # expect: UNB120

            await run_in_threadpool(_blocking_io_1)
        return response
