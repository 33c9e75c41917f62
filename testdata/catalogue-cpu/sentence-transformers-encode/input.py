from fastapi import FastAPI
from sentence_transformers import SentenceTransformer

app = FastAPI()
model = SentenceTransformer("all-MiniLM-L6-v2")


@app.post("/embeddings")
async def embeddings(texts: list[str]):  # expect-fix: convert-to-def
    vectors = model.encode(texts)  # expect: UNB220
    return {"count": len(vectors)}
