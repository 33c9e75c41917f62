from fastapi import FastAPI
from pymongo import MongoClient

app = FastAPI()
client = MongoClient("mongodb://db:27017")
events = client["analytics"]["events"]


@app.post("/events")
async def track(event: dict):  # expect-fix: convert-to-def
    result = events.insert_one(event)  # expect: UNB140
    total = client["analytics"]["events"].count_documents({})  # expect: UNB140
    return {"id": str(result.inserted_id), "total": total}
