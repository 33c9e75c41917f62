import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/weather")
def weather(city: str):  # expect-fix: convert-to-def
    response = requests.get("https://weather.example/api", params={"q": city})  # expect: UNB110
    return response.json()
