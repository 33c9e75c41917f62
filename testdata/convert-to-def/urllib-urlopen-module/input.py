import json
import urllib.request

from fastapi import FastAPI

app = FastAPI()


@app.get("/quote")
async def quote():  # expect-fix: convert-to-def
    with urllib.request.urlopen("https://quotes.example/random") as body:  # expect: UNB110
        return json.load(body)  # expect: UNB120
