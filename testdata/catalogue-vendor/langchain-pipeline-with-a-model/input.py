"""A LangChain pipeline with a model (or a retriever) among its steps calls it on every ``invoke``."""

import asyncio

from fastapi import FastAPI
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import RunnableLambda, RunnablePassthrough
from langchain_openai import ChatOpenAI

app = FastAPI()
llm = ChatOpenAI(model="gpt-4o-mini")
prompt = ChatPromptTemplate.from_template("Answer briefly: {question}")
answer_chain = prompt | llm | StrOutputParser()
tidy = RunnableLambda(str.strip) | RunnableLambda(str.lower)


@app.post("/answer")
async def answer(question: str):  # expect-fix: convert-to-def
    return {"answer": answer_chain.invoke({"question": question})}  # expect: UNB190


@app.post("/answers")
async def answers(questions: list[str]):
    return await answer_chain.abatch([{"question": q} for q in questions])


@app.post("/rag")
async def rag(question: str, context: str):  # expect-fix: wrap-in-threadpool
    chain = {"context": RunnablePassthrough(), "question": RunnablePassthrough()} | prompt | llm
    reply = chain.invoke(question)  # expect: UNB190
    await asyncio.sleep(0)
    return {"answer": reply.content, "context": context}


@app.post("/tidy")
async def tidy_text(text: str):
    return {"text": tidy.invoke(text)}
