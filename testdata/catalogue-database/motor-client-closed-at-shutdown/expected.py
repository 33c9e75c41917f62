from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from motor.core import AgnosticDatabase
from motor.motor_asyncio import AsyncIOMotorClient

client = AsyncIOMotorClient("mongodb://db:27017")


@asynccontextmanager
async def lifespan(app: FastAPI):  # expect-fix: wrap-in-threadpool
    await client.admin.command("ping")
    yield
    # motor's close is not a coroutine: it runs pymongo's, which ends the sessions on the server.
    await run_in_threadpool(client.close)  # expect: UNB140


app = FastAPI(lifespan=lifespan)


@app.get("/carts/{cid}")
async def cart(cid: str):
    return await client.shop.carts.find_one({"_id": cid})


class Store:
    def __init__(self, database: AgnosticDatabase) -> None:
        self.database = database

    async def stop(self) -> None:  # expect-fix: wrap-in-threadpool
        await run_in_threadpool(self.database.client.close)  # expect: UNB140


store = Store(client.shop)


@app.on_event("shutdown")
async def stop_store():  # expect-fix: wrap-in-threadpool
    await store.stop()  # expect: UNB140
