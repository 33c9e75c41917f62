import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/proxy/{path:path}")
def proxy(path: str):  # expect-fix: convert-to-def
    prepared = requests.Request("GET", f"https://upstream.example/{path}").prepare()
    session = requests.Session()
    reply = session.send(prepared, timeout=5)  # expect: UNB110
    session.close()
    return {"status": reply.status_code}
