"""A helper that looks a method up by the name its callers pass runs those methods.

The store is annotated ``Any``: it is typed by what the caller passes, as if bare."""

import sqlite3
from typing import Any

from fastapi import APIRouter


class ApprovalStore:
    def __init__(self, path: str) -> None:
        self.path = path

    def get_approval(self, approval_id: str) -> tuple | None:
        with sqlite3.connect(self.path) as connection:
            return connection.execute("select * from approvals where id = ?", (approval_id,)).fetchone()

    def count_pending(self) -> int:
        with sqlite3.connect(self.path) as connection:
            return connection.execute("select count(*) from approvals").fetchone()[0]

    def describe(self) -> str:
        return f"sqlite store at {self.path}"


def approval_router(store: Any) -> APIRouter:
    router = APIRouter()

    async def _store_call(method_name: str, *args: Any) -> Any:  # expect-fix: convert-to-def
        method = getattr(store, method_name, None)
        if method is None:
            raise LookupError(method_name)
        return method(*args)  # expect: UNB140

    @router.get("/approvals/count")
    async def approval_count():  # expect-fix: convert-to-def
        return {"pending": await _store_call("count_pending")}  # expect: UNB140

    @router.get("/approvals/{approval_id}")
    async def approval(approval_id: str):  # expect-fix: convert-to-def
        return await _store_call("get_approval", approval_id)  # expect: UNB140

    @router.get("/approvals/store")
    async def store_name():
        return {"store": getattr(store, "describe")()}

    @router.get("/approvals/pending")
    def pending():  # expect-fix: convert-to-def
        return {"pending": getattr(store, "count_pending")()}  # expect: UNB140

    return router


router = approval_router(ApprovalStore("approvals.db"))
