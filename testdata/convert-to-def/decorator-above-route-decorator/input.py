import time

from fastapi import FastAPI

app = FastAPI()
registry = []


def remember(fn):
    registry.append(fn.__name__)
    return fn


@remember
@app.get("/remembered")
async def remembered():  # expect-fix: convert-to-def
    time.sleep(0.3)  # expect: UNB100
    return {"names": registry}
