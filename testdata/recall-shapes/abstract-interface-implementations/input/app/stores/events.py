import httpx


class HttpEvents:
    async def recent(self) -> list[str]:
        async with httpx.AsyncClient() as client:
            return (await client.get("https://events.example/recent")).json()
