import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/rates")
def rates():  # expect-fix: convert-to-def
    conn = requests.session()
    table = conn.get("https://fx.example/latest")  # expect: UNB110
    return table.json()
