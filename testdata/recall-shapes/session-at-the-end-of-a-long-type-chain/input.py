"""A session whose type takes many steps to work out: a helper-built scoped_session kept on the
object, reached through `self._session or self.get_session()`, passed by keyword into `**kwargs`,
and a query chain of four calls (the type depth bound was 10, then 12; it is 16)."""

from fastapi import FastAPI
from sqlalchemy import create_engine
from sqlalchemy.orm import joinedload, scoped_session, sessionmaker

app = FastAPI()


def make_engine(url: str):
    return create_engine(url)


def make_maker(url: str):
    return scoped_session(sessionmaker(bind=make_engine(url)))


class Run:
    tags = None

    @classmethod
    def find(cls, run_id: str, **kwargs):
        session = kwargs.get("session")
        if not session:
            return None
        return session.query(cls).options(joinedload(cls.tags)).filter(cls.tags.any()).filter_by(id=run_id).first()


class Factory:
    def __init__(self) -> None:
        self._session = None
        self.session_cls = make_maker("sqlite://")

    def get_session(self):
        return self.session_cls()

    def find_run(self, run_id: str):
        return Run.find(run_id, session=self._session or self.get_session())


factory = Factory()


@app.get("/runs/{run_id}")
async def get_run(run_id: str):  # expect-fix: convert-to-def
    return factory.find_run(run_id)  # expect: UNB140
