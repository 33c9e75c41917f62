import json

from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/settings")
async def save_settings(request: Request):  # expect-fix: wrap-in-threadpool
    payload = await request.json()
    count = 0
    # Persist the settings next to the defaults.
    with open("settings.json", "w") as handle:  # expect: UNB120
        json.dump(payload, handle)  # expect: UNB120
        count = len(payload)
        written = handle.tell()
    return {"keys": count, "bytes": written}
