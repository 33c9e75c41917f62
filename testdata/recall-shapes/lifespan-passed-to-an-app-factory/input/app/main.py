import asyncio
import subprocess
from contextlib import asynccontextmanager

from .factory import create_app


@asynccontextmanager
async def lifespan(app):  # expect-fix: wrap-in-threadpool
    # Passed to the factory, which hands it to FastAPI(lifespan=...).
    subprocess.run(["alembic", "upgrade", "head"], check=True)  # expect: UNB130
    await asyncio.sleep(0)
    yield


async def health_check():
    return {"status": "ok"}


app = create_app(lifespan=lifespan, health=health_check)
