import time

from fastapi import FastAPI

app = FastAPI()
visits = 0


@app.get("/visit")
async def visit():  # expect-fix: convert-to-def
    global visits
    visits += 1
    time.sleep(0.01)  # expect: UNB100
    return {"visits": visits}
