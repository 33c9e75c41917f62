from fastapi import FastAPI
from filelock import FileLock

app = FastAPI()
lock = FileLock("/tmp/report.lock")


@app.post("/report")
def report():  # expect-fix: convert-to-def
    with lock.acquire(timeout=10):  # expect: UNB200
        return {"locked": lock.is_locked}
