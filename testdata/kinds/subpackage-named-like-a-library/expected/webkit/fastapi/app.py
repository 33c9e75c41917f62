import shutil
from contextlib import asynccontextmanager

import fastapi
from fastapi.concurrency import run_in_threadpool


class FastAPI(fastapi.FastAPI):
    def __init__(self, scratch: str, **options) -> None:
        @asynccontextmanager
        async def lifespan(app: fastapi.FastAPI):  # expect-fix: wrap-in-threadpool
            yield
            await run_in_threadpool(
                shutil.rmtree, scratch, ignore_errors=True
            )  # expect: UNB120

        super().__init__(lifespan=lifespan, **options)


app = FastAPI("/tmp/webkit")


@app.get("/cleanup")
def cleanup():  # expect-fix: convert-to-def
    shutil.rmtree("/tmp/webkit/cache", ignore_errors=True)  # expect: UNB120
    return {"ok": True}
