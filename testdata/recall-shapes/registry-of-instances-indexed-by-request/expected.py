import requests
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


class ChatModel:
    async def complete(self, prompt: str) -> str:
        raise NotImplementedError


class EchoModel(ChatModel):
    async def complete(self, prompt: str) -> str:
        return prompt


class TokenModel(ChatModel):
    async def complete(self, prompt: str) -> str:  # expect-fix: wrap-in-threadpool
        token = (
            await run_in_threadpool(requests.post, "https://auth.example.com/token")
        ).json()["access_token"]  # expect: UNB110
        return f"{token}:{prompt}"


class UpperModel(ChatModel):
    async def complete(self, prompt: str) -> str:
        return prompt.upper()


# One instance per provider: the request names the provider, so any of them may run.
MODELS = {"echo": EchoModel(), "token": TokenModel()}
QUIET_MODELS = {"echo": EchoModel(), "upper": UpperModel()}


@app.post("/complete/{provider}")
async def complete(provider: str, prompt: str):  # expect-fix: wrap-in-threadpool
    model = MODELS[provider]
    return {"text": await model.complete(prompt)}  # expect: UNB110


@app.post("/complete-or-echo/{provider}")
async def complete_or_echo(provider: str, prompt: str):  # expect-fix: wrap-in-threadpool
    return {"text": await MODELS.get(provider, EchoModel()).complete(prompt)}  # expect: UNB110


@app.post("/quiet/{provider}")
async def quiet(provider: str, prompt: str):
    return {"text": await QUIET_MODELS[provider].complete(prompt)}
