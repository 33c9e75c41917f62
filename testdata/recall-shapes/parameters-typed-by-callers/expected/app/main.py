from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session
from starlette.middleware.base import BaseHTTPMiddleware

from app.db import engine
from app.keys import count_keys, describe, fetch_api_keys, with_retry


class Visits:
    def __init__(self, path: str) -> None:
        self.path = path

    def record(self, where: str) -> None:
        with open(self.path, "a") as handle:
            handle.write(where + "\n")


class VisitMiddleware(BaseHTTPMiddleware):
    def __init__(self, app, visits) -> None:
        super().__init__(app)
        self.visits = visits

    async def dispatch(self, request: Request, call_next):  # expect-fix: wrap-in-threadpool
        await run_in_threadpool(self.visits.record, request.url.path)  # expect: UNB120
        return await call_next(request)


app = FastAPI()
app.add_middleware(VisitMiddleware, visits=Visits("/var/log/visits"))


@app.get("/orgs/{org_id}/keys")
def keys(org_id: int):  # expect-fix: convert-to-def
    with Session(engine) as session:
        return fetch_api_keys(session, org_id)  # expect: UNB140


@app.get("/orgs/{org_id}/count")
def count(org_id: int):  # expect-fix: convert-to-def
    return {"count": count_keys(org_id)}  # expect: UNB140


@app.get("/orgs/{org_id}/label")
async def label(org_id: int):
    return {"label": describe("org", org_id)}


@app.get("/orgs/{org_id}/retried")
def retried(org_id: int):  # expect-fix: convert-to-def
    return {"count": with_retry(count_keys, org_id)}  # expect: UNB140


@app.get("/orgs/{org_id}/described")
async def described(org_id: int):
    return {"label": with_retry(describe, "org", org_id)}
