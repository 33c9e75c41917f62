from typing import cast

from fastapi import FastAPI, Request

from app.store import RunStore, build_store

app = FastAPI()
app.state.store = build_store("postgresql://runs")


def run_store(request: Request) -> RunStore:
    # ``cast`` only tells the type checker: the value is the store the app was given.
    return cast(RunStore, request.app.state.store)


def label(request: Request) -> str:
    return cast("str", request.app.title)


@app.get("/runs/{run_id}")
async def get_run(run_id: str, request: Request):  # expect-fix: convert-to-def
    return run_store(request).get_run(run_id)  # expect: UNB140


@app.get("/title")
async def title(request: Request):
    return {"title": label(request).upper()}
