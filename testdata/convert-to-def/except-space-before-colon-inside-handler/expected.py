import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/parse")
def parse(raw: str):  # expect-fix: convert-to-def
    time.sleep(0.1)  # expect: UNB100
    try:
        value = int(raw)
    except ValueError :
        value = 0
    return {"value": value}
