import json

from fastapi import FastAPI

app = FastAPI()


class Settings:
    def __init__(self, path: str) -> None:
        self.path = path
        self._values = None

    def values(self) -> dict:
        if self._values is None:
            with open(self.path) as handle:
                self._values = json.load(handle)
        return self._values

    def get(self, key: str):
        return self.values().get(key)


SHARED = Settings("/srv/settings.json")


@app.get("/per-request/{key}")
async def per_request(key: str):  # expect-fix: convert-to-def
    settings = Settings("/srv/settings.json")
    return settings.get(key)  # expect: UNB120


@app.get("/shared/{key}")
async def shared(key: str):
    return SHARED.get(key)


@app.get("/made-here/{key}")
async def made_here(key: str):  # expect-fix: convert-to-def
    return Settings("/srv/local.json").get(key)  # expect: UNB120
