import openai
from fastapi import FastAPI

app = FastAPI()


@app.post("/moderate")
async def moderate(text: str):  # expect-fix: convert-to-def
    verdict = openai.moderations.create(input=text)  # expect: UNB190
    vector = openai.embeddings.create(model="text-embedding-3-small", input=text)  # expect: UNB190
    return {"flagged": verdict.results[0].flagged, "dims": len(vector.data[0].embedding)}
