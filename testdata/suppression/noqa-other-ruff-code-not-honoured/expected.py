import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/wait")
def wait():  # expect-fix: convert-to-def
    time.sleep(0.001)  # noqa: ASYNC210  # expect: UNB100
    return None
