from fastapi import FastAPI
from motor.motor_asyncio import AsyncIOMotorClient

app = FastAPI()
client = AsyncIOMotorClient("mongodb://db:27017")
db = client["shop"]


@app.get("/carts/{cid}")
async def cart(cid: str):
    found = await db.carts.find_one({"_id": cid})
    cursor = db.carts.find({"owner": cid})
    others = await cursor.to_list(length=20)
    await db["audit"].insert_one({"cart": cid})
    return {"cart": found, "others": len(others)}
