from fastapi import FastAPI
from sqlalchemy import create_engine
from sqlalchemy.orm import scoped_session, sessionmaker

app = FastAPI()


class Run:
    @classmethod
    def find(cls, run_id: str, **kwargs):
        session = kwargs.get("session")
        if not session:
            return None
        return session.query(cls).filter_by(id=run_id).first()

    @classmethod
    def delete(cls, run_id: str, **kwargs):
        kwargs["session"].query(cls).filter_by(id=run_id).delete()

    @classmethod
    def label(cls, run_id: str, **kwargs):
        return kwargs.get("prefix", "") + run_id


class Factory:
    def __init__(self) -> None:
        self._session = None
        self.session_cls = scoped_session(sessionmaker(bind=create_engine("sqlite://")))

    def get_session(self):
        return self.session_cls()

    def find_run(self, run_id: str):
        return Run.find(run_id, session=self._session or self.get_session())


factory = Factory()


@app.get("/runs/{run_id}")
def get_run(run_id: str):  # expect-fix: convert-to-def
    return factory.find_run(run_id)  # expect: UNB140


@app.delete("/runs/{run_id}")
def delete_run(run_id: str):  # expect-fix: convert-to-def
    Run.delete(run_id, session=factory.get_session())  # expect: UNB140


@app.get("/runs/{run_id}/label")
async def label_run(run_id: str):
    return Run.label(run_id, prefix="run-", session=factory.get_session())
