import threading

from fastapi import FastAPI

app = FastAPI()
warmed_up = threading.Event()


@app.get("/ready")
async def ready():  # expect-fix: convert-to-def
    ok = warmed_up.wait(timeout=5)  # expect: UNB200
    return {"ready": ok}
