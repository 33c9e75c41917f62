import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/relay/{method}")
def relay(method: str, url: str):  # expect-fix: convert-to-def
    upstream = requests.request(method.upper(), url)  # expect: UNB110
    return {"code": upstream.status_code}
