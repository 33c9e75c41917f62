import subprocess
import time

import requests
from fastapi import FastAPI

app = FastAPI()
USE_LEGACY = False


@app.get("/status")
async def status():
    if True:
        return {"ok": True}
    requests.get("https://legacy.example/status")


@app.get("/version")
async def version():
    return {"version": "1.0"}
    subprocess.run(["git", "describe"])


@app.get("/watch")
async def watch(flag: bool):
    if flag:
        raise ValueError("not supported")
    else:
        return {"watching": False}
    time.sleep(1)


@app.get("/legacy")
async def legacy():
    if False:
        requests.get("https://legacy.example/")
    while True:
        return {"legacy": False}
    time.sleep(1)


@app.get("/poll")
def poll():  # expect-fix: convert-to-def
    while True:
        if requests.get("https://example.com/ready").ok:  # expect: UNB110
            break
    time.sleep(0.1)  # expect: UNB100
    return {"ready": True}


@app.get("/live")
def live(flag: bool):  # expect-fix: convert-to-def
    if flag:
        return {"live": True}
    time.sleep(0.5)  # expect: UNB100
    return {"live": False}
