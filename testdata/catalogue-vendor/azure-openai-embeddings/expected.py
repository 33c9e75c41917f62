from fastapi import FastAPI
from openai import AzureOpenAI

app = FastAPI()
azure = AzureOpenAI(api_version="2024-06-01", azure_endpoint="https://example.openai.azure.com")


@app.post("/embed")
def embed(text: str):  # expect-fix: convert-to-def
    result = azure.embeddings.create(model="embedding", input=[text])  # expect: UNB190
    return {"vector": result.data[0].embedding}
