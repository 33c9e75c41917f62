import httpx

from app.stores.base import Notifier


class HttpEvents:
    async def recent(self) -> list[str]:
        async with httpx.AsyncClient() as client:
            return (await client.get("https://events.example/recent")).json()


class HttpNotifier(Notifier):
    async def send(self, text: str) -> None:
        async with httpx.AsyncClient() as client:
            await client.post("https://notify.example/", content=text)
