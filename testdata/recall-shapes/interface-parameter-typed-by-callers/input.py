"""A pipeline of steps, each a subclass of an abstract ``Step``.

``use(step: Step)`` is annotated with the interface; its callers pass the
concrete steps, which it keeps in ``self.steps: list[Step]``. The run walks
them in reverse to chain them, so the step that writes a file runs inside the
handler: the callers' classes count, as for a parameter left unannotated
(``negatives/interface-parameter-never-given-the-blocking-class``: the same
pipeline, never given the blocking step, stays clean).
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
    async def run(self, context: dict, next_step: Callable[[], Awaitable[None]]) -> None:  # expect-fix: wrap-in-threadpool
        with open("/srv/last-params.json", "w") as stream:  # expect: UNB120
            stream.write(str(context["params"]))  # expect: UNB120
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
async def generate(websocket: WebSocket) -> None:  # expect-fix: wrap-in-threadpool
    pipeline = Pipeline()
    pipeline.use(ReceiveStep())
    pipeline.use(PersistStep())
    pipeline.use(ReplyStep())
    await pipeline.execute(websocket)  # expect: UNB120
