"""A pipeline of steps, each a subclass of an abstract ``Step``; one step blocks.

No caller ever gives the pipeline the step that writes a file: the classes
its callers pass are the ones that run, and they are truly async.
"""

from abc import ABC, abstractmethod
from typing import Awaitable, Callable

from fastapi import FastAPI, WebSocket

app = FastAPI()

Next = Callable[[dict], Awaitable[None]]


class Step(ABC):
    @abstractmethod
    async def run(self, context: dict, next_step: Callable[[], Awaitable[None]]) -> None: ...


class ReceiveStep(Step):
    async def run(self, context: dict, next_step: Callable[[], Awaitable[None]]) -> None:
        context["params"] = await context["websocket"].receive_json()
        await next_step()


class PersistStep(Step):
    async def run(self, context: dict, next_step: Callable[[], Awaitable[None]]) -> None:
        with open("/srv/last-params.json", "w") as stream:
            stream.write(str(context["params"]))
        await next_step()


class ReplyStep(Step):
    async def run(self, context: dict, next_step: Callable[[], Awaitable[None]]) -> None:
        await context["websocket"].send_json({"ok": True})
        await next_step()


class Pipeline:
    def __init__(self) -> None:
        self.steps: list[Step] = []

    def use(self, step: Step) -> "Pipeline":
        self.steps.append(step)
        return self

    async def execute(self, websocket: WebSocket) -> None:
        async def end(context: dict) -> None:
            return None

        chain: Next = end
        for step in reversed(self.steps):
            chain = self._wrap(step, chain)
        await chain({"websocket": websocket})

    def _wrap(self, step: Step, next_step: Next) -> Next:
        async def wrapped(context: dict) -> None:
            await step.run(context, lambda: next_step(context))

        return wrapped


@app.websocket("/generate")
async def generate(websocket: WebSocket) -> None:
    pipeline = Pipeline()
    pipeline.use(ReceiveStep())
    pipeline.use(ReplyStep())
    await pipeline.execute(websocket)
