import httpx
from fastapi import FastAPI

app = FastAPI()
search_client = httpx.Client(base_url="https://search.example", timeout=3.0)


@app.get("/search")
def search(q: str):  # expect-fix: convert-to-def
    hits = search_client.get("/query", params={"q": q})  # expect: UNB110
    return hits.json()
