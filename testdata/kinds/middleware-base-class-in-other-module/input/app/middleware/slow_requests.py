import time

from fastapi import Request

from .base import TimedMiddleware


class SlowRequestLog(TimedMiddleware):
    async def dispatch(self, request: Request, call_next):  # expect-fix: wrap-in-threadpool
        started = time.monotonic()
        response = await call_next(request)
        elapsed = time.monotonic() - started
        if elapsed > self.slow_after:
            with open("slow.log", "a", encoding="utf-8") as log:  # expect: UNB120
                log.write(f"{request.url.path} {elapsed:.2f}\n")  # expect: UNB120
        return response
