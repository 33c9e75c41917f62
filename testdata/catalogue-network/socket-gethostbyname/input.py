from socket import gethostbyname

from fastapi import FastAPI

app = FastAPI()


@app.get("/resolve/{name}")
async def resolve(name: str):  # expect-fix: convert-to-def
    return {"address": gethostbyname(name)}  # expect: UNB180
