import time

from fastapi import FastAPI

app = FastAPI()


@app.post("/resource")
async def handle_post():  # expect-fix: convert-to-def
    time.sleep(0.2)  # expect: UNB100
    return {"method": "post"}
