from contextlib import asynccontextmanager

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

ALEMBIC_INI = "alembic.ini"


def script_head() -> str | None:
    return ScriptDirectory.from_config(Config(ALEMBIC_INI)).get_current_head()


@asynccontextmanager
async def lifespan(app: FastAPI):  # expect-fix: wrap-in-threadpool
    await run_in_threadpool(
        command.upgrade, Config(ALEMBIC_INI), "head"
    )  # expect: UNB140
    yield


app = FastAPI(lifespan=lifespan)


@app.get("/migrations/head")
def migration_head():  # expect-fix: convert-to-def
    return {"head": script_head()}  # expect: UNB120


@app.get("/migrations/config")
async def migration_config():
    return {"url": Config(ALEMBIC_INI).config_file_name}
