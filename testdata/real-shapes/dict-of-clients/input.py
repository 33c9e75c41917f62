from typing import Dict, Optional

import openai
from fastapi import FastAPI

app = FastAPI()
clients: Dict[str, openai.OpenAI] = {}


def make_client(name: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"https://{name}.example/v1")


@app.get("/complete/{name}")
async def complete(name: str, prompt: str):  # expect-fix: convert-to-def
    client: Optional[openai.OpenAI] = clients.get(name)
    if not client:
        client = make_client(name)
    reply = client.chat.completions.create(model="m", messages=[{"role": "user", "content": prompt}])  # expect: UNB190
    return {"text": reply.choices[0].message.content}
