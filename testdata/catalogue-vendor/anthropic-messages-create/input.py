import anthropic
from fastapi import FastAPI

app = FastAPI()


@app.post("/ask")
async def ask(question: str):  # expect-fix: convert-to-def
    claude = anthropic.Anthropic()
    message = claude.messages.create(  # expect: UNB190
        model="claude-sonnet-4-5",
        max_tokens=512,
        messages=[{"role": "user", "content": question}],
    )
    return {"answer": message.content[0].text}
