from fastapi import FastAPI
from xinference_client import RESTfulClient

app = FastAPI()
XINFERENCE_URL = "http://xinference:9997"


def detect_models(url: str) -> list[str]:
    client = RESTfulClient(url)
    return list(client.list_models())


@app.get("/models")
def models():  # expect-fix: convert-to-def
    return {"models": detect_models(XINFERENCE_URL)}  # expect: UNB190
