import time

import fastapi

app = fastapi.FastAPI()


@app.get("/tick")
async def tick():  # expect-fix: convert-to-def
    time.sleep(1)  # expect: UNB100
    return {"tick": time.time()}
