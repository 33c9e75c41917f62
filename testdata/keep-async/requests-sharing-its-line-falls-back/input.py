import requests
from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/check")
async def check(request: Request):  # expect-fix: wrap-in-threadpool
    target = (await request.json())["url"]
    response = requests.get(target); checked = True  # expect: UNB110
    return {"status": response.status_code, "checked": checked}


@app.post("/ping")
async def ping(request: Request, loud: bool = False):  # expect-fix: wrap-in-threadpool
    target = (await request.json())["url"]
    if loud: requests.post(target)  # expect: UNB110
    return {"sent": loud}
