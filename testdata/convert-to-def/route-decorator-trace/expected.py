import time

from fastapi import FastAPI

app = FastAPI()


@app.trace("/resource")
def handle_trace():  # expect-fix: convert-to-def
    time.sleep(0.2)  # expect: UNB100
    return {"method": "trace"}
