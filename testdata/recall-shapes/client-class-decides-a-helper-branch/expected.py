import motor.motor_asyncio as motor
import pymongo
from fastapi import FastAPI

app = FastAPI()

_sync_client = pymongo.MongoClient("mongodb://localhost")
_async_client = motor.AsyncIOMotorClient("mongodb://localhost")


def _with_options(db):
    """Returns the database it is given, configured."""
    if not db.name:
        return db
    return db.with_options(read_preference=pymongo.ReadPreference.SECONDARY_PREFERRED)


def sync_db():
    return _with_options(_sync_client["shop"])


def async_db():
    return _with_options(_async_client["shop"])


def aggregate(collection, pipeline):
    """Runs a pipeline on a pymongo or a motor collection."""
    if isinstance(collection, motor.AsyncIOMotorCollection):
        return collection.aggregate(pipeline)
    return list(collection.aggregate(pipeline))


@app.get("/orders/summary")
async def orders_summary():
    collection = async_db()["orders"]
    return await aggregate(collection, [{"$count": "orders"}]).to_list(None)


@app.get("/orders/report")
def orders_report():  # expect-fix: convert-to-def
    collection = sync_db()["orders"]
    return aggregate(collection, [{"$count": "orders"}])  # expect: UNB140
