from fastapi import FastAPI
from langchain_core.embeddings import Embeddings
from langchain_openai import ChatOpenAI, OpenAIEmbeddings

app = FastAPI()
llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)


class Memory:
    def __init__(self) -> None:
        self.embeddings: Embeddings = OpenAIEmbeddings()

    def vector(self, text: str) -> list[float]:
        return self.embeddings.embed_query(text)


memory = Memory()


@app.post("/answer")
async def answer(question: str):  # expect-fix: convert-to-def
    reply = llm.invoke(question)  # expect: UNB190
    return {"answer": reply.content}


@app.post("/embed")
async def embed(text: str):  # expect-fix: convert-to-def
    return {"vector": memory.vector(text)}  # expect: UNB190


@app.post("/summaries")
async def summaries(texts: list[str]):  # expect-fix: convert-to-def
    structured = llm.with_structured_output(dict)
    return structured.batch(texts)  # expect: UNB190
