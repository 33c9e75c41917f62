from functools import cached_property

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session

app = FastAPI()


class ItemRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def create(self, data: dict) -> dict:
        self.session.add(data)
        self.session.commit()
        return data


class Repositories:
    def __init__(self, session: Session) -> None:
        self.session = session

    @cached_property
    def items(self) -> ItemRepository:
        return ItemRepository(self.session)


def current_session() -> Session:
    return Session()


@app.post("/items")
async def create_item(request: Request):  # expect-fix: wrap-in-threadpool
    data = await request.json()
    return await run_in_threadpool(
        Repositories(current_session()).items.create, data
    )  # expect: UNB140
