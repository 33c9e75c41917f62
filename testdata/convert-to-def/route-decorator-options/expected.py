import time

from fastapi import FastAPI

app = FastAPI()


@app.options("/resource")
def handle_options():  # expect-fix: convert-to-def
    time.sleep(0.2)  # expect: UNB100
    return {"method": "options"}
