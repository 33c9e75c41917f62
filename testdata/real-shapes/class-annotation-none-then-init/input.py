import os
from typing import Any

import redis
from fastapi import FastAPI
from pinecone import Pinecone

app = FastAPI()


class GoldenQueries:
    client: None
    cache: Any

    def __init__(self) -> None:
        self.client = Pinecone(api_key=os.environ["PINECONE_API_KEY"])
        self.cache = redis.Redis(host="cache")

    def similar(self, vector: list[float], collection: str) -> list[str]:
        index = self.client.Index(name=collection)
        cached = self.cache.get(collection)
        if cached is not None:
            return [cached.decode()]
        matches = index.query(vector=vector, top_k=3)
        return [match.id for match in matches.matches]


queries = GoldenQueries()


@app.post("/golden/{collection}")
async def golden(collection: str, vector: list[float]):  # expect-fix: convert-to-def
    return {"ids": queries.similar(vector, collection)}  # expect: UNB140, UNB150
