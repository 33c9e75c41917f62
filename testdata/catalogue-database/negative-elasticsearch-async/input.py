from elasticsearch import AsyncElasticsearch
from fastapi import FastAPI

app = FastAPI()
es = AsyncElasticsearch("http://search:9200")


@app.get("/search")
async def search(q: str):
    found = await es.search(index="articles", query={"match": {"title": q}})
    await es.indices.refresh(index="articles")
    return found["hits"]["hits"]
