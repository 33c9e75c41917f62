import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/crlf")
async def crlf():  # expect-fix: convert-to-def
    time.sleep(0.1)  # expect: UNB100
    return "windows"
