"""Milvus and Weaviate clients: each search or write is a round trip to the vector database."""

import weaviate
from fastapi import FastAPI
from pymilvus import MilvusClient

app = FastAPI()
milvus = MilvusClient(uri="http://milvus:19530")
client = weaviate.connect_to_local()
articles = client.collections.get("Article")


@app.post("/milvus/search")
async def search_milvus(vector: list[float]):  # expect-fix: convert-to-def
    return milvus.search(collection_name="docs", data=[vector], limit=5)  # expect: UNB140


@app.post("/weaviate/search")
async def search_weaviate(text: str):  # expect-fix: convert-to-def
    result = articles.query.near_text(query=text, limit=5)  # expect: UNB140
    return [obj.properties for obj in result.objects]


@app.post("/weaviate/articles")
async def add_article(title: str):  # expect-fix: convert-to-def
    return {"id": str(articles.data.insert({"title": title}))}  # expect: UNB140


@app.get("/weaviate/handle")
async def handle():
    return {"name": client.collections.get("Article").name}
