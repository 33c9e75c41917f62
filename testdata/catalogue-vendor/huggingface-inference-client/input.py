from fastapi import FastAPI
from huggingface_hub import HfApi, InferenceClient, hf_hub_download

app = FastAPI()
client = InferenceClient(provider="hf-inference", api_key="hf_token")
hub = HfApi()


@app.post("/summarize")
async def summarize(text: str):  # expect-fix: convert-to-def
    summary = client.summarization(text, model="facebook/bart-large-cnn")  # expect: UNB190
    labels = client.zero_shot_classification(text, candidate_labels=["news", "sport"])  # expect: UNB190
    return {"summary": summary.summary_text, "label": labels[0].label}


@app.post("/chat")
async def chat(prompt: str):  # expect-fix: convert-to-def
    reply = client.chat.completions.create(  # expect: UNB190
        model="meta-llama/Llama-3.1-8B-Instruct",
        messages=[{"role": "user", "content": prompt}],
        max_tokens=200,
    )
    vector = client.feature_extraction(prompt, model="BAAI/bge-small-en-v1.5")  # expect: UNB190
    return {"reply": reply.choices[0].message.content, "dims": len(vector)}


@app.get("/models/{repo_id:path}")
async def model_card(repo_id: str):  # expect-fix: convert-to-def
    info = hub.model_info(repo_id)  # expect: UNB190
    config = hf_hub_download(repo_id, "config.json")  # expect: UNB190
    siblings = [m.id for m in hub.list_models(author=info.author, limit=5)]  # expect: UNB190
    return {"sha": info.sha, "config": config, "siblings": siblings}
