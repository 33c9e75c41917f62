import aiohttp
from fastapi import FastAPI

app = FastAPI()


@app.get("/weather/{city}")
async def weather(city: str):
    async with aiohttp.ClientSession() as session:
        async with session.get("https://weather.example/api", params={"q": city}) as response:
            data = await response.json()
    return data
