from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool


class Registry:
    def __init__(self, path: str) -> None:
        self.path = path

    def record_visit(self, where: str) -> None:
        with open(self.path, "a") as log:
            log.write(where + "\n")


class RestServer:
    def __init__(self, registry: Registry) -> None:
        self.app = FastAPI()
        self.registry = registry
        self._add_logging_middleware()

    def _add_logging_middleware(self) -> None:
        from fastapi import Request
        from starlette.middleware.base import BaseHTTPMiddleware

        class LoggingMiddleware(BaseHTTPMiddleware):
            def __init__(self, app, registry) -> None:
                super().__init__(app)
                self.registry = registry

            async def dispatch(self, request: Request, call_next):  # expect-fix: wrap-in-threadpool
                response = await call_next(request)
                await run_in_threadpool(
                    self.registry.record_visit, request.url.path
                )  # expect: UNB120
                return response

        self.app.add_middleware(LoggingMiddleware, registry=self.registry)


server = RestServer(Registry("visits.log"))
