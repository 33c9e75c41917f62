from fastapi import FastAPI
from redis import StrictRedis

app = FastAPI()
sessions = StrictRedis(host="cache", db=2)


@app.get("/sessions/{sid}")
async def session_data(sid: str):  # expect-fix: convert-to-def
    return sessions.hgetall(f"session:{sid}")  # expect: UNB150
