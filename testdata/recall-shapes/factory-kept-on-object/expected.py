from fastapi import FastAPI
from sqlalchemy import create_engine, select
from sqlalchemy.orm import scoped_session, sessionmaker

from models import Task

app = FastAPI()


class TaskStore:
    def __init__(self, url: str) -> None:
        engine = create_engine(url)
        self.Session = sessionmaker(bind=engine)
        self.scoped = scoped_session(sessionmaker(bind=engine))

    def get(self, task_id: int):
        with self.Session() as session:
            return session.get(Task, task_id)

    def count(self) -> int:
        return len(self.scoped().execute(select(Task)).all())


store = TaskStore("sqlite:///tasks.db")


@app.get("/tasks/{task_id}")
def get_task(task_id: int):  # expect-fix: convert-to-def
    return store.get(task_id)  # expect: UNB140


@app.get("/tasks")
def count_tasks():  # expect-fix: convert-to-def
    return {"count": store.count()}  # expect: UNB140
