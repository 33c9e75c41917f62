import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/accepted")
async def accepted():
    time.sleep(0.001)  # unblock: ignore
    return {"ok": True}
