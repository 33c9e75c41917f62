import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/wait")
def wait():  # noqa  # expect-fix: convert-to-def
    time.sleep(0.2)  # expect: UNB100
    return None
