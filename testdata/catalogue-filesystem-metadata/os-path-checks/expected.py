import os

from fastapi import FastAPI, HTTPException

app = FastAPI()


@app.get("/exports/{name}")
def export_info(name: str):  # expect-fix: convert-to-def
    path = os.path.join("/srv/exports", name)
    if not os.path.exists(path):  # expect: UNB210
        raise HTTPException(status_code=404)
    return {"size": os.path.getsize(path), "dir": os.path.isdir(path)}  # expect: UNB210
