import requests
from fastapi import FastAPI

app = FastAPI()
http = requests.Session()
http.headers["User-Agent"] = "catalog-service"


@app.get("/catalog/{sku}")
def lookup(sku: str):  # expect-fix: convert-to-def
    found = http.get(f"https://catalog.example/{sku}")  # expect: UNB110
    return found.json()
