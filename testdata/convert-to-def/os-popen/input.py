import os

from fastapi import FastAPI

app = FastAPI()


@app.get("/uptime")
async def uptime():  # expect-fix: convert-to-def
    text = os.popen("uptime").read()  # expect: UNB130
    return {"uptime": text.strip()}
