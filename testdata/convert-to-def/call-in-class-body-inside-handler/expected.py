import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/settings")
def settings():  # expect-fix: convert-to-def
    class Remote:
        data = requests.get("https://settings.example/current").json()  # expect: UNB110

    return Remote.data
