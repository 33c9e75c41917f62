import asyncio
from functools import cached_property

import requests
from fastapi import FastAPI

app = FastAPI()


class Registry:
    def __init__(self, url: str) -> None:
        self.url = url
        self.cache: dict[str, list[str]] = {}

    @property
    def permissions(self) -> list[str]:
        return requests.get(f"{self.url}/permissions", timeout=5).json()

    @property
    def known(self) -> list[str]:
        return self.cache.get("permissions", [])

    @cached_property
    def settings(self) -> dict:
        return requests.get(f"{self.url}/settings", timeout=5).json()


class SecurityManager:
    def __init__(self, registry: Registry) -> None:
        self._registry = registry

    def allowed(self, action: str) -> bool:
        permissions = self._registry.permissions
        return action in permissions


registry = Registry("https://registry.example")
security = SecurityManager(registry)


@app.get("/allowed/{action}")
def allowed(action: str):  # expect-fix: convert-to-def
    return {"allowed": security.allowed(action)}  # expect: UNB110


@app.get("/permissions")
def permissions():  # expect-fix: convert-to-def
    return registry.permissions  # expect: UNB110


@app.get("/known")
async def known():
    return {"known": registry.known, "settings": registry.settings}


@app.get("/permissions/later")
async def permissions_later():  # expect-fix: none
    await asyncio.sleep(0)
    return registry.permissions  # expect: UNB110
