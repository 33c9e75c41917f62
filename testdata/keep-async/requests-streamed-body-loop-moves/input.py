import requests
from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/size")
async def size(request: Request):  # expect-fix: wrap-in-threadpool
    url = (await request.json())["url"]
    response = requests.get(url, stream=True, timeout=10)  # expect: UNB110
    total = 0
    for chunk in response.iter_content(65536):  # expect: UNB110
        total += len(chunk)
    return {"bytes": total}
