import httpx
from fastapi import FastAPI

app = FastAPI()
client = httpx.AsyncClient(base_url="https://api.example")


@app.get("/users/{uid}")
async def get_user(uid: int):
    response = await client.get(f"/users/{uid}")
    posted = await client.post("/audit", json={"uid": uid})
    return {"user": response.json(), "audited": posted.is_success}
