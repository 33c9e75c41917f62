import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/prompt")
async def prompt():  # expect-fix: convert-to-def
    time.sleep(0.1)  # expect: UNB100
    return {"answer": input("? ")}
