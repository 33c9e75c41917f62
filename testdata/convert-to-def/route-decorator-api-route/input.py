import requests
from fastapi import FastAPI

app = FastAPI()


@app.api_route("/mirror", methods=["GET", "POST"])
async def mirror(url: str):  # expect-fix: convert-to-def
    return {"body": requests.get(url).text}  # expect: UNB110
