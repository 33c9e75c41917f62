from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from langchain_openai import ChatOpenAI, OpenAIEmbeddings

app = FastAPI()
llm = ChatOpenAI(model="gpt-4o-mini")
embeddings = OpenAIEmbeddings()


@app.post("/answer")
async def answer(question: str):
    reply = await llm.ainvoke(question)
    vector = await embeddings.aembed_query(question)
    return {"answer": reply.content, "dims": len(vector)}


@app.post("/stream")
async def stream(question: str):
    async def tokens():
        async for chunk in llm.astream(question):
            yield chunk.content

    return StreamingResponse(tokens())


@app.post("/sync-stream")
async def sync_stream(question: str):
    def tokens():
        for chunk in llm.stream(question):
            yield chunk.content

    return StreamingResponse(tokens())
