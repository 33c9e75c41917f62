from ai_prompter import Prompter
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Question(BaseModel):
    text: str


@app.post("/ask")
async def ask(question: Question):  # expect-fix: convert-to-def
    prompter = Prompter(prompt_template="ask/answer")  # expect: UNB120
    return {"prompt": prompter.render({"question": question.text})}


@app.post("/ask-inline")
async def ask_inline(question: Question):
    prompter = Prompter(template_text="Answer: {{ question }}")
    return {"prompt": prompter.render({"question": question.text})}
