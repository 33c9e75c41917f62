import time

from fastapi import FastAPI, Request
from starlette.middleware.base import BaseHTTPMiddleware


class SearchThrottleMiddleware(BaseHTTPMiddleware):
    def __init__(self, app, delay: float = 0.05) -> None:
        super().__init__(app)
        self.delay = delay

    async def dispatch(self, request: Request, call_next):  # expect-fix: swap-to-async
        if request.url.path.startswith("/search"):
            time.sleep(self.delay)  # expect: UNB100
        return await call_next(request)


app = FastAPI()
app.add_middleware(SearchThrottleMiddleware, delay=0.1)
