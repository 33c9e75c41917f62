import redis
from fastapi import FastAPI

app = FastAPI()
r = redis.Redis()


@app.post("/reports/build")
async def build_report():  # expect-fix: convert-to-def
    lock = r.lock("report-build", timeout=120)
    if not lock.acquire(blocking_timeout=5):  # expect: UNB150
        return {"busy": True}
    try:
        r.set("report:status", "building")  # expect: UNB150
    finally:
        lock.release()  # expect: UNB150
    return {"busy": False}
