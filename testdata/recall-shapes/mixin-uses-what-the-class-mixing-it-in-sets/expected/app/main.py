from fastapi import FastAPI

from .db import SqlStore

app = FastAPI()
store = SqlStore("sqlite:////srv/app.db")


@app.get("/endpoints")
def endpoints():  # expect-fix: convert-to-def
    return store.list_endpoints()  # expect: UNB140


@app.get("/names")
async def names():
    return store.cached_names()
