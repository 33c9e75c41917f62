import httpx
from fastapi import FastAPI

app = FastAPI()


@app.get("/profile/{user}")
def profile(user: str):  # expect-fix: convert-to-def
    client = httpx.Client(base_url="https://profiles.example")
    try:
        found = client.get(f"/u/{user}")  # expect: UNB110
    finally:
        client.close()  # expect: UNB110
    return found.json()
