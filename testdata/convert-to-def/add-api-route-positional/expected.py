import time

from fastapi import FastAPI

app = FastAPI()


def heartbeat():  # expect-fix: convert-to-def
    time.sleep(0.01)  # expect: UNB100
    return {"alive": True}


app.add_api_route("/heartbeat", heartbeat)
