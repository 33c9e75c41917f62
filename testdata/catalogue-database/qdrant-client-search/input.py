from fastapi import FastAPI
from qdrant_client import QdrantClient

app = FastAPI()
qdrant = QdrantClient(url="http://vectors:6333")


@app.post("/similar")
async def similar(vector: list[float]):  # expect-fix: convert-to-def
    points = qdrant.query_points(collection_name="docs", query=vector, limit=5)  # expect: UNB140
    return [p.id for p in points.points]
