import json
from contextlib import asynccontextmanager

from cadwyn import Cadwyn, Version, VersionBundle


def load_keys(path: str) -> dict:
    with open(path) as handle:
        return json.load(handle)


@asynccontextmanager
async def lifespan(app):  # expect-fix: wrap-in-threadpool
    app.state.keys = load_keys("/etc/keys.json")  # expect: UNB120
    yield


class VersionedApp(Cadwyn):
    """A project subclass of cadwyn's FastAPI subclass."""


def create_app(lifespan=lifespan) -> VersionedApp:
    # The lifespan FastAPI runs is the parameter's default unless a caller passes another.
    return VersionedApp(versions=VersionBundle(Version("2024-01-01")), lifespan=lifespan)


app = create_app()
