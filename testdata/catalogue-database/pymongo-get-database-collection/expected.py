from bson import ObjectId
from fastapi import FastAPI
from pymongo import MongoClient

app = FastAPI()
client = MongoClient("mongodb://db:27017")
orders = client.get_database("shop").get_collection("orders")


@app.patch("/orders/{oid}/paid")
def mark_paid(oid: str):  # expect-fix: convert-to-def
    order = orders.find_one({"_id": ObjectId(oid)})  # expect: UNB140
    orders.update_one({"_id": order["_id"]}, {"$set": {"paid": True}})  # expect: UNB140
    recent = orders.find({"paid": True}).sort("created", -1).limit(5)
    return {"id": oid, "recent": [str(o["_id"]) for o in recent]}  # expect: UNB140
