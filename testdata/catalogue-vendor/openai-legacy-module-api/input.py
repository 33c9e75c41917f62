import openai
from fastapi import FastAPI

app = FastAPI()
EMBEDDER = "text-embedding-ada-002"


@app.get("/models")
async def list_models():  # expect-fix: convert-to-def
    # openai < 1.0: class methods on module-level resources, each an HTTPS request.
    return [model["id"] for model in openai.Model.list()["data"]]  # expect: UNB190


@app.post("/chat")
async def chat(prompt: str):  # expect-fix: convert-to-def
    reply = openai.ChatCompletion.create(  # expect: UNB190
        model="gpt-3.5-turbo",
        messages=[{"role": "user", "content": prompt}],
    )
    return reply["choices"][0]["message"]["content"]


@app.post("/embed")
async def embed(text: str):  # expect-fix: wrap-in-threadpool
    vector = openai.Embedding.create(input=[text], model=EMBEDDER)  # expect: UNB190
    await log_usage(len(text))
    return vector["data"][0]["embedding"]


async def log_usage(size: int) -> None:
    print("embedded", size)
