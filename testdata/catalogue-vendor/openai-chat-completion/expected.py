from fastapi import FastAPI
from openai import OpenAI

app = FastAPI()
client = OpenAI()


@app.post("/summaries")
def summarise(text: str):  # expect-fix: convert-to-def
    completion = client.chat.completions.create(  # expect: UNB190
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Summarise: {text}"}],
    )
    return {"summary": completion.choices[0].message.content}
