"""Model providers' own SDKs: every call is a request to the model, often of seconds."""

import asyncio

import cohere
import google.generativeai as genai
import ollama
import replicate
from fastapi import FastAPI
from google import genai as google_genai
from groq import Groq
from mistralai import Mistral

app = FastAPI()
groq = Groq()
mistral = Mistral(api_key="key")
co = cohere.ClientV2()
gemini = genai.GenerativeModel("gemini-1.5-flash")
vertex = google_genai.Client()


@app.post("/local")
async def local(prompt: str):  # expect-fix: convert-to-def
    reply = ollama.chat(model="llama3", messages=[{"role": "user", "content": prompt}])  # expect: UNB190
    return {"answer": reply["message"]["content"]}


@app.post("/groq")
async def ask_groq(prompt: str):  # expect-fix: convert-to-def
    completion = groq.chat.completions.create(  # expect: UNB190
        model="llama-3.1-8b-instant", messages=[{"role": "user", "content": prompt}]
    )
    return {"answer": completion.choices[0].message.content}


@app.post("/mistral")
async def ask_mistral(prompt: str):  # expect-fix: convert-to-def
    reply = mistral.chat.complete(model="mistral-small-latest", messages=[{"role": "user", "content": prompt}])  # expect: UNB190
    return {"answer": reply.choices[0].message.content}


@app.post("/rerank")
async def rerank(query: str, documents: list[str]):  # expect-fix: convert-to-def
    return co.rerank(model="rerank-v3.5", query=query, documents=documents)  # expect: UNB190


@app.post("/gemini")
async def ask_gemini(prompt: str):  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    return {"answer": gemini.generate_content(prompt).text}  # expect: UNB190


@app.post("/genai")
async def ask_genai(prompt: str):  # expect-fix: convert-to-def
    return {"answer": vertex.models.generate_content(model="gemini-2.0-flash", contents=prompt).text}  # expect: UNB190


@app.post("/image")
async def image(prompt: str):  # expect-fix: convert-to-def
    return replicate.run("black-forest-labs/flux-schnell", input={"prompt": prompt})  # expect: UNB190


@app.post("/chat-async")
async def chat_async(prompt: str):
    reply = await ollama.AsyncClient().chat(model="llama3", messages=[{"role": "user", "content": prompt}])
    return {"answer": reply["message"]["content"]}
