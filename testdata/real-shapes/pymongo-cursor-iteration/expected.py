import os

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from pymongo import MongoClient
from pymongo.cursor import Cursor

app = FastAPI()
database = MongoClient(os.environ["MONGO_URI"])["app"]
prompts = database["prompts"]


class PromptRepository:
    def _items(self, query: dict, skip: int, limit: int) -> Cursor:
        return prompts.find(query).skip(skip).limit(limit)

    def list(self, org_id: str, skip: int = 0, limit: int = 20) -> list[dict]:
        items = self._items({"org_id": org_id}, skip, limit)
        return [{"id": str(item["_id"]), **item} for item in items]


repository = PromptRepository()
DEFAULTS = [{"name": "welcome"}, {"name": "goodbye"}]


@app.get("/prompts")
def list_prompts(org_id: str, page: int = 0):  # expect-fix: convert-to-def
    return repository.list(org_id, skip=page * 20)  # expect: UNB140


@app.post("/prompts/search")
async def search_prompts(request: Request):  # expect-fix: wrap-in-threadpool
    body = await request.json()
    found = []

    def _blocking_io_1():
        for prompt in prompts.find(body["query"]):  # expect: UNB140
            found.append(str(prompt["_id"]))

    await run_in_threadpool(_blocking_io_1)
    return {"found": found}


@app.post("/prompts/ids")
async def prompt_ids(request: Request):  # expect-fix: wrap-in-threadpool
    body = await request.json()
    cursor = prompts.find({"org_id": body["org_id"]})
    return {
        "ids": [str(p["_id"]) for p in await run_in_threadpool(list, cursor)]
    }  # expect: UNB140


@app.get("/defaults")
async def defaults():
    # A plain list: iterating it does no I/O.
    return [item["name"] for item in DEFAULTS]


@app.get("/prompts/lazy")
async def lazy_prompts(org_id: str):
    # Only builds the cursor (and a generator over it): nothing is fetched here.
    cursor = prompts.find({"org_id": org_id})
    names = (p["name"] for p in cursor)
    return {"built": names is not None}


@app.get("/prompts/names")
def prompt_names(org_id: str):  # expect-fix: convert-to-def
    return list(p["name"] for p in prompts.find({"org_id": org_id}))  # expect: UNB140


@app.post("/prompts/names")
async def prompt_names_posted(request: Request):  # expect-fix: wrap-in-threadpool
    org_id = (await request.json())["org_id"]
    return await run_in_threadpool(
        sorted, (p["name"] for p in prompts.find({"org_id": org_id}))
    )  # expect: UNB140
