from typing import Annotated

import requests
from fastapi import Depends, FastAPI, Header

app = FastAPI()


def fetch_account(
    x_account_id: Annotated[str, Header()],
) -> dict:  # expect-fix: convert-to-def
    reply = requests.get(f"https://accounts.example/{x_account_id}", timeout=5)  # expect: UNB110
    return reply.json()


@app.get("/billing/plan")
async def billing_plan(account: Annotated[dict, Depends(fetch_account)]):
    return {"plan": account["plan"]}
