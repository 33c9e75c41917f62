"""A plain ``def`` that returns the coroutine of an ``async def``: awaiting its result runs
that coroutine on the loop, whatever the ``def``'s return annotation says."""

import requests
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


class Agent:
    def __init__(self, url: str) -> None:
        self.url = url

    def arun(self, prompt: str) -> dict:
        return self._arun(prompt)

    async def _arun(self, prompt: str) -> dict:  # expect-fix: wrap-in-threadpool
        return (
            await run_in_threadpool(
                requests.post, self.url, json={"prompt": prompt}, timeout=30
            )
        ).json()  # expect: UNB110


agent = Agent("https://llm.internal/run")


@app.post("/run")
async def run(prompt: str):  # expect-fix: wrap-in-threadpool
    return await agent.arun(prompt)  # expect: UNB110
