import requests
from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/ping")
async def ping(request: Request):  # expect-fix: wrap-in-threadpool
    target = (await request.json())["url"]
    response = requests.head(target)  # expect: UNB110
    if response:
        return {"up": response.ok}
    return {"up": False}
