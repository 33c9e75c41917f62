from fastapi import FastAPI
from pymongo import MongoClient

app = FastAPI()
client = MongoClient("mongodb://db:27017")


@app.get("/profiles/{handle}")
async def profile(handle: str):  # expect-fix: convert-to-def
    doc = client.social.profiles.find_one({"handle": handle})  # expect: UNB140
    return {"handle": handle, "bio": doc.get("bio") if doc else None}
