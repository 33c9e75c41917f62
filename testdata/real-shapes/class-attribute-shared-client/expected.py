import os

import pymongo
from bson import ObjectId
from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


class MongoDB:
    db_name = os.environ.get("MONGO_DB", "app")
    _data_store = pymongo.MongoClient(os.environ["MONGO_URI"])[db_name]
    collections = ("orgs", "users")

    @classmethod
    def find_one(cls, collection: str, query: dict) -> dict:
        return cls._data_store[collection].find_one(query)

    @classmethod
    def insert_one(cls, collection: str, document: dict) -> ObjectId:
        return cls._data_store[collection].insert_one(document).inserted_id

    @classmethod
    def names(cls) -> list[str]:
        return list(cls.collections)


class OrganizationRepository:
    def get(self, org_id: str) -> dict:
        return MongoDB.find_one("orgs", {"_id": ObjectId(org_id)})

    def add(self, document: dict) -> str:
        return str(MongoDB.insert_one("orgs", document))


class OrganizationService:
    def __init__(self) -> None:
        self.repo = OrganizationRepository()


service = OrganizationService()


@app.get("/organizations/{org_id}")
def get_organization(org_id: str):  # expect-fix: convert-to-def
    return service.repo.get(org_id)  # expect: UNB140


@app.post("/organizations")
async def add_organization(request: Request):  # expect-fix: wrap-in-threadpool
    document = await request.json()
    return {"id": await run_in_threadpool(service.repo.add, document)}  # expect: UNB140


@app.get("/collections")
async def collection_names():
    return MongoDB.names()
