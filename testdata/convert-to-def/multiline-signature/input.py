import requests
from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/books")
async def find_books(  # expect-fix: convert-to-def
    title: str = Query(..., min_length=2),
    author: str | None = None,
    *,
    limit: int = 20,
) -> list[dict]:
    found = requests.get(  # expect: UNB110
        "https://library.example/search",
        params={"title": title, "author": author, "limit": limit},
    )
    return found.json()
