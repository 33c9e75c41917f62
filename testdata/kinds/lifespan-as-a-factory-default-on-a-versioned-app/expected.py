import json
from contextlib import asynccontextmanager

from cadwyn import Cadwyn, Version, VersionBundle
from fastapi.concurrency import run_in_threadpool


def load_keys(path: str) -> dict:
    with open(path) as handle:
        return json.load(handle)


@asynccontextmanager
async def lifespan(app):  # expect-fix: wrap-in-threadpool
    app.state.keys = await run_in_threadpool(
        load_keys, "/etc/keys.json"
    )  # expect: UNB120
    yield


class VersionedApp(Cadwyn):
    """A project subclass of cadwyn's FastAPI subclass."""


def create_app(lifespan=lifespan) -> VersionedApp:
    # The lifespan FastAPI runs is the parameter's default unless a caller passes another.
    return VersionedApp(versions=VersionBundle(Version("2024-01-01")), lifespan=lifespan)


app = create_app()
