import os

from dotenv import load_dotenv, set_key, unset_key
from fastapi import FastAPI

ENV_FILE = ".env"
app = FastAPI()


def store_key(name: str, value: str) -> None:
    set_key(ENV_FILE, name, value)
    load_dotenv(ENV_FILE, override=True)


@app.put("/keys/{name}")
async def put_key(name: str, value: str):  # expect-fix: convert-to-def
    store_key(name, value)  # expect: UNB120
    return {"name": name}


@app.delete("/keys/{name}")
async def delete_key(name: str):  # expect-fix: convert-to-def
    unset_key(ENV_FILE, name)  # expect: UNB120
    os.environ.pop(name, None)
    return {"deleted": name}
