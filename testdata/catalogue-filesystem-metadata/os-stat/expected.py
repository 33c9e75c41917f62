import os
import shutil

from fastapi import FastAPI

app = FastAPI()


@app.get("/freshness")
def freshness():  # expect-fix: convert-to-def
    info = os.stat("/srv/data/catalogue.json")  # expect: UNB210
    git = shutil.which("git")  # expect: UNB210
    return {"modified": info.st_mtime, "cwd": os.getcwd(), "git": git}  # expect: UNB210
