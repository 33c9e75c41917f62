import time

from fastapi import FastAPI

app = FastAPI()


@app.put("/resource")
def handle_put():  # expect-fix: convert-to-def
    time.sleep(0.2)  # expect: UNB100
    return {"method": "put"}
