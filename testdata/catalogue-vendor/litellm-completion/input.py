import litellm
from fastapi import FastAPI

app = FastAPI()


@app.post("/chat")
async def chat(prompt: str):  # expect-fix: convert-to-def
    response = litellm.completion(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])  # expect: UNB190
    return {"reply": response.choices[0].message.content}
