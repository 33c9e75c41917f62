"""An application class that builds its own lifespan and hands it to ``FastAPI.__init__``
through ``super().__init__(lifespan=...)``: Starlette runs it at start-up and shutdown."""

import shutil
import tempfile
from contextlib import asynccontextmanager

import fastapi


class WebApp(fastapi.FastAPI):
    def __init__(self, **options) -> None:
        scratch = tempfile.mkdtemp()

        @asynccontextmanager
        async def lifespan(app: fastapi.FastAPI):  # expect-fix: wrap-in-threadpool
            yield
            shutil.rmtree(scratch, ignore_errors=True)  # expect: UNB120

        super().__init__(lifespan=lifespan, **options)


class Plain:
    def __init__(self) -> None:
        @asynccontextmanager
        async def lifespan(app: fastapi.FastAPI):
            yield
            shutil.rmtree("/tmp/unused", ignore_errors=True)

        self.lifespan = lifespan


app = WebApp(title="scratch")
