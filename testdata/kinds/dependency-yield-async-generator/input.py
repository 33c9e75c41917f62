import requests
from fastapi import Depends, FastAPI

app = FastAPI()


async def upstream_token():  # expect-fix: convert-to-def
    reply = requests.post("https://auth.example/token", data={"grant_type": "client_credentials"}, timeout=5)  # expect: UNB110
    token = reply.json()["access_token"]
    yield token
    requests.post("https://auth.example/revoke", data={"token": token}, timeout=5)  # expect: UNB110


@app.get("/upstream/ping")
async def upstream_ping(token: str = Depends(upstream_token)):
    return {"token_length": len(token)}
