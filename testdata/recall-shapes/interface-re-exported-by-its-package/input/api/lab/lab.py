from abc import ABC, abstractmethod

from fastapi import APIRouter


class Lab(ABC):
    """The API: routes that call the methods a plugin implements."""

    def __init__(self) -> None:
        self.router = APIRouter()

        @self.router.get("/lab/api/settings")
        async def get_settings():  # expect-fix: wrap-in-threadpool
            return await self.get_settings()  # expect: UNB120

        @self.router.get("/lab/api/status")
        async def get_status():
            return await self.get_status()

    @abstractmethod
    async def get_settings(self) -> list[dict]: ...

    @abstractmethod
    async def get_status(self) -> dict: ...
