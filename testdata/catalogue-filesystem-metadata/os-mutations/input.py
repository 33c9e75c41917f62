import os
import tempfile

from fastapi import FastAPI

app = FastAPI()


@app.post("/rotate")
async def rotate():  # expect-fix: convert-to-def
    os.makedirs("/srv/logs/old", exist_ok=True)  # expect: UNB210
    os.rename("/srv/logs/app.log", "/srv/logs/old/app.log")  # expect: UNB210
    os.remove("/srv/logs/app.lock")  # expect: UNB210
    handle, marker = tempfile.mkstemp(dir="/srv/logs/old")  # expect: UNB210
    os.close(handle)  # expect: UNB210
    return {"rotated": True}
