import httpx
from fastapi import FastAPI

app = FastAPI()


@app.get("/relay")
async def relay(url: str):
    async with httpx.AsyncClient(timeout=5) as client:
        first = await client.get(url)
        async with client.stream("GET", url) as streamed:
            size = 0
            async for chunk in streamed.aiter_bytes():
                size += len(chunk)
    return {"status": first.status_code, "size": size}
