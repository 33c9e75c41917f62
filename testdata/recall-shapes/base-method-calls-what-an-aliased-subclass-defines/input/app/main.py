from fastapi import Depends, FastAPI

from app.base import Factory, Run
from app.db import DB

app = FastAPI()


class Settings:
    def __init__(self) -> None:
        self.name = "runs"


def object_factory():
    return DB("sqlite://")


def settings_provider():
    return Settings()


@app.get("/runs/{run_id}")
async def get_run(run_id: str, factory=Depends(object_factory)):  # expect-fix: convert-to-def
    return factory.find_run(run_id)  # expect: UNB140


@app.get("/settings")
async def settings(current=Depends(settings_provider)):
    return {"name": current.name}


def base_factory() -> Factory:
    return DB("sqlite://")


@app.get("/sessions")
async def sessions(factory: Factory = Depends(base_factory)):
    # Only ``self.get_session()`` inside the base resolves to its subclasses' method: on a
    # receiver annotated with the base class, which subclass it is would be a guess.
    return {"runs": factory.get_session().query(Run).count()}
