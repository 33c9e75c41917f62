from fastapi import FastAPI

from app.services.accounts import *

app = FastAPI()


@app.get("/accounts/{account_id}")
async def account(account_id: int):  # expect-fix: convert-to-def
    return load_account(account_id)  # expect: UNB140


@app.get("/accounts/{account_id}/url")
async def url(account_id: int):
    return {"url": account_url(account_id)}
