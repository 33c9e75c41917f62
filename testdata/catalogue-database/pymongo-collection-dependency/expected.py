from fastapi import Depends, FastAPI
from pymongo import MongoClient
from pymongo.collection import Collection

app = FastAPI()
_client = MongoClient("mongodb://db:27017")


def get_sessions() -> Collection:
    return _client.get_database("auth").get_collection("sessions")


@app.post("/logout/{sid}")
def logout(
    sid: str, sessions: Collection = Depends(get_sessions)
):  # expect-fix: convert-to-def
    sessions.delete_many({"sid": sid})  # expect: UNB140
    return {"logged_out": sid}
