import time

from fastapi import FastAPI

app = FastAPI()


@app.head("/resource")
async def handle_head():  # expect-fix: convert-to-def
    time.sleep(0.2)  # expect: UNB100
    return {"method": "head"}
