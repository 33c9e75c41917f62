from fastapi import FastAPI
from transformers import AutoModel, AutoTokenizer, PreTrainedModel, PreTrainedTokenizer

app = FastAPI()
tokenizer = AutoTokenizer.from_pretrained("THUDM/chatglm3-6b", trust_remote_code=True)
model = AutoModel.from_pretrained("THUDM/chatglm3-6b", trust_remote_code=True).eval()


def stream_reply(model: PreTrainedModel, tokenizer: PreTrainedTokenizer, prompt: str) -> str:
    inputs = tokenizer(prompt, return_tensors="pt")
    reply = ""
    for ids in model.stream_generate(**inputs, max_new_tokens=256):
        reply = tokenizer.decode(ids[0])
    return reply


@app.post("/chat")
def chat(prompt: str):  # expect-fix: convert-to-def
    response, _history = model.chat(tokenizer, prompt, history=[])  # expect: UNB220
    return {"response": response}


@app.post("/chat/stream")
def chat_stream(prompt: str):  # expect-fix: convert-to-def
    return {"response": stream_reply(model, tokenizer, prompt)}  # expect: UNB220


@app.get("/model")
async def describe_model():
    return {"name": model.config.name_or_path, "device": str(model.device)}
