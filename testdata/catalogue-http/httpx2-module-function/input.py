import httpx2
from fastapi import FastAPI

app = FastAPI()


@app.get("/joke")
async def joke():  # expect-fix: convert-to-def
    reply = httpx2.get("https://jokes.example/random")  # expect: UNB110
    return reply.json()
