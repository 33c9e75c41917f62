"""A field typed as a union of providers, each inheriting the base's ``complete``, whose retry
helper awaits ``self._execute``: what runs is each provider's own ``_execute``."""

import asyncio

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class CompletionProvider:
    def __init__(self) -> None:
        self.semaphore = asyncio.Semaphore(4)

    async def complete(self, prompt: str) -> str:
        return await self._with_retries({"prompt": prompt})

    async def _with_retries(self, task: dict) -> str:
        for _attempt in range(3):
            try:
                async with self.semaphore:
                    return await self._execute(task)
            except ConnectionError:
                await asyncio.sleep(1)
        raise RuntimeError("no answer")

    async def _execute(self, task: dict) -> str:
        raise NotImplementedError


class HostedProvider(CompletionProvider):
    async def _execute(self, task: dict) -> str:
        await asyncio.sleep(0)
        return task["prompt"]


class LocalProvider(CompletionProvider):
    async def _execute(self, task: dict) -> str:  # expect-fix: swap-to-async
        await asyncio.sleep(0.5)  # expect: UNB100
        return task["prompt"]


class EchoProvider(CompletionProvider):
    async def _execute(self, task: dict) -> str:
        return task["prompt"]


class Providers(BaseModel, arbitrary_types_allowed=True):
    llm: HostedProvider | LocalProvider
    echo: HostedProvider | EchoProvider


providers = Providers(llm=HostedProvider(), echo=EchoProvider())


@app.get("/complete")
async def complete(prompt: str):  # expect-fix: swap-to-async
    return {"text": await providers.llm.complete(prompt)}  # expect: UNB100


@app.get("/echo")
async def echo(prompt: str):
    return {"text": await providers.echo.complete(prompt)}
