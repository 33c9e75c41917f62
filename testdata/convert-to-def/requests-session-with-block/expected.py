import requests
from fastapi import FastAPI

app = FastAPI()


@app.post("/sync")
def sync_accounts(ids: list[int]):  # expect-fix: convert-to-def
    statuses = []
    with requests.Session() as s:
        for account in ids:
            statuses.append(s.post("https://ledger.example/sync", data={"id": account}).status_code)  # expect: UNB110
    return statuses
