import os

from fastapi import FastAPI

app = FastAPI()


@app.post("/reindex")
def reindex():  # expect-fix: convert-to-def
    pid = os.posix_spawn("/usr/bin/reindex", ["reindex", "--all"], dict(os.environ))  # expect: UNB130
    return {"pid": pid}
