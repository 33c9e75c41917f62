"""A LangChain chat history kept in Redis reads it when ``.messages`` (a property) is read;
the in-memory one does not."""

from fastapi import FastAPI
from langchain.memory import ChatMessageHistory, RedisChatMessageHistory

app = FastAPI()


@app.get("/chats/{chat_id}/history")
def history(chat_id: str):  # expect-fix: convert-to-def
    stored = RedisChatMessageHistory(chat_id)
    return [m.content for m in stored.messages]  # expect: UNB150


@app.get("/scratch")
async def scratch():
    memory = ChatMessageHistory()
    return [m.content for m in memory.messages]


@app.delete("/chats/{chat_id}")
def forget(chat_id: str):  # expect-fix: convert-to-def
    RedisChatMessageHistory(chat_id).clear()  # expect: UNB150
    return {"ok": True}
