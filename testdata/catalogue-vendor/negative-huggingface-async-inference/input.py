from fastapi import FastAPI
from huggingface_hub import AsyncInferenceClient, InferenceClient

app = FastAPI()
client = AsyncInferenceClient(provider="hf-inference", api_key="hf_token")
# Building the sync client does no I/O; only its task methods do.
fallback = InferenceClient(model="gpt2")


@app.post("/generate")
async def generate(prompt: str):
    text = await client.text_generation(prompt, model="gpt2", max_new_tokens=50)
    reply = await client.chat.completions.create(
        model="meta-llama/Llama-3.1-8B-Instruct",
        messages=[{"role": "user", "content": prompt}],
    )
    return {"text": text, "reply": reply.choices[0].message.content, "model": fallback.model}
