import json

from fastapi import FastAPI

app = FastAPI()


@app.get("/translations/{lang}")
def translations(lang: str):  # expect-fix: convert-to-def
    with open(f"locales/{lang}.json", encoding="utf-8") as handle:  # expect: UNB120
        table = json.load(handle)  # expect: UNB120
    return table
