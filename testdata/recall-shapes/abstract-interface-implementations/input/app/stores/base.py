from abc import ABC, abstractmethod
from typing import Protocol


class Registry(ABC):
    @abstractmethod
    def list_projects(self) -> list[str]:
        """Every project name."""


class Events(Protocol):
    async def recent(self) -> list[str]: ...


class Cache:
    def get(self, key: str) -> str | None:
        raise NotImplementedError


class Notifier(ABC):
    @abstractmethod
    async def send(self, text: str) -> None: ...
