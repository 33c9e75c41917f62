import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/config")
def config():  # expect-fix: convert-to-def
    def lookup(key, table=requests.get("https://config.example/all").json()):  # expect: UNB110
        return table.get(key)

    return {"mode": lookup("mode")}
