import time

from fastapi import FastAPI

app = FastAPI()


@app.delete("/resource")
def handle_delete():  # expect-fix: convert-to-def
    time.sleep(0.2)  # expect: UNB100
    return {"method": "delete"}
