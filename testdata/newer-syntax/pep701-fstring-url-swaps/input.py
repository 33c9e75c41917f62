"""An f-string URL in PEP 701 syntax is still an f-string for the swap to httpx."""

import requests
from fastapi import FastAPI

app = FastAPI()
BASE = "https://api.example.com"


@app.get("/users/{user_id}")
async def user(user_id: int) -> dict[str, object]:  # expect-fix: swap-to-async
    response = requests.get(f"{BASE}/{"users"}/{user_id}", params={"full": "1"}, timeout=5)  # expect: UNB110
    return {"status": response.status_code, "name": f"{response.headers["x-name"]}"}
