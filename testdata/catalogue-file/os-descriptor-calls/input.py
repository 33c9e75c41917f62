import os

from fastapi import FastAPI

app = FastAPI()


@app.get("/device")
async def device_status():  # expect-fix: convert-to-def
    fd = os.open("/dev/status", os.O_RDONLY)  # expect: UNB120
    try:
        raw = os.read(fd, 512)  # expect: UNB120
    finally:
        os.close(fd)
    return {"status": raw.decode().strip()}
