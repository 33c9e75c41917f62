"""A handler's parameter is annotated with an interface and provided by ``Depends``.

The annotation names an abstract class (or a Protocol); the provider says which
classes it makes: a mock that sleeps when a setting is on, the real service
otherwise. Either may run, as it would for the same parameter left unannotated.
"""

import asyncio
import smtplib
from abc import ABC, abstractmethod
from functools import lru_cache
from typing import Annotated, Callable, Protocol

import requests
from fastapi import Depends, FastAPI
from fastapi.concurrency import run_in_threadpool

app = FastAPI()
MOCK_MODE = False


class AgentService(Protocol):
    async def start(self, goal: str) -> list[str]: ...


class MockAgentService(AgentService):
    async def start(self, goal: str) -> list[str]:  # expect-fix: swap-to-async
        await asyncio.sleep(1)  # expect: UNB100
        return ["task"]


class OpenAIAgentService(AgentService):
    async def start(self, goal: str) -> list[str]:
        return [goal]


def get_agent_service(streaming: bool = False) -> Callable[..., AgentService]:
    """A factory of providers: ``Depends(get_agent_service(True))`` runs ``provide``."""

    def provide() -> AgentService:
        if MOCK_MODE:
            return MockAgentService()
        return OpenAIAgentService()

    return provide


@app.post("/start")
async def start(goal: str, service: AgentService = Depends(get_agent_service(True))) -> list[str]:  # expect-fix: swap-to-async
    return await service.start(goal)  # expect: UNB100


class Notifier(ABC):
    @abstractmethod
    async def send(self, to: str, text: str) -> None: ...


class SmtpNotifier(Notifier):
    async def send(self, to: str, text: str) -> None:  # expect-fix: wrap-in-threadpool
        def _blocking_io_1():
            with smtplib.SMTP("localhost") as smtp:  # expect: UNB170
                smtp.sendmail("app@example.com", [to], text)  # expect: UNB170

        await run_in_threadpool(_blocking_io_1)


class QueueNotifier(Notifier):
    def __init__(self) -> None:
        self.queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()

    async def send(self, to: str, text: str) -> None:
        await self.queue.put((to, text))


def get_notifier() -> Notifier:
    return SmtpNotifier()


def get_queue_notifier() -> Notifier:
    return QueueNotifier()


NotifierDep = Annotated[Notifier, Depends(get_notifier)]


@app.post("/notify")
async def notify(to: str, notifier: NotifierDep) -> None:  # expect-fix: wrap-in-threadpool
    await notifier.send(to, "hello")  # expect: UNB170


@app.post("/queue")
async def enqueue(to: str, notifier: Notifier = Depends(get_queue_notifier)) -> None:
    # The provider makes the queue notifier only: its ``send`` is truly async.
    await notifier.send(to, "hello")


class AuthHandler(ABC):
    """Called like a function: ``await auth_handler(request)`` runs the class's ``__call__``."""

    @abstractmethod
    async def __call__(self, token: str) -> str: ...


class NoAuth(AuthHandler):
    async def __call__(self, token: str) -> str:
        return "anonymous"


class RemoteAuth(AuthHandler):
    async def __call__(self, token: str) -> str:  # expect-fix: wrap-in-threadpool
        return (
            await run_in_threadpool(
                requests.get,
                "https://auth.example.com/me",
                headers={"Authorization": token},
            )
        ).text  # expect: UNB110


@lru_cache(maxsize=1)
def get_auth_handler() -> AuthHandler:
    if MOCK_MODE:
        return NoAuth()
    return RemoteAuth()


@app.get("/me")
async def me(token: str, auth_handler: AuthHandler = Depends(get_auth_handler)) -> str:  # expect-fix: wrap-in-threadpool
    return await auth_handler(token)  # expect: UNB110
