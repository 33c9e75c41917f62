from time import sleep

from fastapi import FastAPI

app = FastAPI()


@app.get("/throttled")
def throttled():  # expect-fix: convert-to-def
    sleep(1)  # expect: UNB100
    return "ok"
