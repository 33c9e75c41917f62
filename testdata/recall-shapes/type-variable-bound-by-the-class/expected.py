"""Functions typed ``(cls: type[T]) -> T`` or ``(self, kind: type[T]) -> T``: ``T`` is the class
at the call, not whatever the body could return.

``ExecutorFactory.get_instance(app)`` gives an ``ExecutorFactory``, so its ``create()`` makes a
thread pool; the registry's body returns any registered component, and one of those
(``AccountService``) has a ``create`` that writes to the database.
"""

from concurrent.futures import ThreadPoolExecutor
from typing import Type, TypeVar

from fastapi import FastAPI
from sqlalchemy import create_engine, text

T = TypeVar("T", bound="Component")
engine = create_engine("postgresql://db/app")
app = FastAPI()


class Component:
    name = "component"

    @classmethod
    def get_instance(cls: Type[T], registry: "Registry") -> T:
        return registry.components[cls.name]


class ExecutorFactory(Component):
    name = "executor"

    def create(self) -> ThreadPoolExecutor:
        return ThreadPoolExecutor(max_workers=4)


class AccountService(Component):
    name = "accounts"

    def create(self) -> int:
        with engine.begin() as connection:
            return connection.execute(text("INSERT INTO accounts DEFAULT VALUES RETURNING id")).scalar_one()


class Registry:
    def __init__(self) -> None:
        self.components: dict[str, Component] = {"executor": ExecutorFactory(), "accounts": AccountService()}

    def get(self, kind: type[T]) -> T:
        return self.components[kind.name]


registry = Registry()


@app.get("/pool")
async def pool_size():
    executor = ExecutorFactory.get_instance(registry).create()
    return {"workers": executor._max_workers}


@app.get("/pool/by-kind")
async def pool_size_by_kind():
    executor = registry.get(ExecutorFactory).create()
    return {"workers": executor._max_workers}


@app.post("/accounts")
def create_account():  # expect-fix: convert-to-def
    return {"id": AccountService.get_instance(registry).create()}  # expect: UNB140


@app.post("/accounts/by-kind")
def create_account_by_kind():  # expect-fix: convert-to-def
    return {"id": registry.get(AccountService).create()}  # expect: UNB140
