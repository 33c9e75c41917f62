import time

from fastapi import FastAPI

app = FastAPI()


@app.patch("/resource")
async def handle_patch():  # expect-fix: convert-to-def
    time.sleep(0.2)  # expect: UNB100
    return {"method": "patch"}
