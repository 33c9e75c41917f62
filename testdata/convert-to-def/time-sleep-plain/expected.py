import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/slow")
def slow_endpoint(delay: float = 0.5):  # expect-fix: convert-to-def
    time.sleep(delay)  # expect: UNB100
    return {"waited": delay}
