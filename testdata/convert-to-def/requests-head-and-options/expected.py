import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/probe")
def probe(target: str):  # expect-fix: convert-to-def
    head = requests.head(target, allow_redirects=True)  # expect: UNB110
    allowed = requests.options(target).headers.get("allow", "")  # expect: UNB110
    return {"status": head.status_code, "allow": allowed}
