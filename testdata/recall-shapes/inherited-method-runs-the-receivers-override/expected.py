"""A method the base class defines calls ``self.parse()``: what runs is the override of the object's class."""

import json
import os

from fastapi import FastAPI

app = FastAPI()


class Setting:
    def __init__(self, name: str, default: object) -> None:
        self.name = name
        self.default = default

    def parse(self, raw: str) -> object:
        raise NotImplementedError

    def get(self) -> object:
        raw = os.environ.get(self.name)
        return self.default if raw is None else self.parse(raw)


class TextSetting(Setting):
    def parse(self, raw: str) -> object:
        return raw.strip()


class FlagSetting(Setting):
    def parse(self, raw: str) -> object:
        return raw.lower() in {"1", "true", "yes"}


class JsonFileSetting(Setting):
    def parse(self, raw: str) -> object:
        with open(raw) as f:
            return json.load(f)


class Settings:
    region = TextSetting("REGION", "eu")
    debug = FlagSetting("DEBUG", False)
    routes = JsonFileSetting("ROUTES_FILE", {})


settings = Settings()


class LoggedSetting(TextSetting):
    def get(self) -> object:
        value = super().get()
        print(self.name, value)
        return value


region_logged = LoggedSetting("REGION", "eu")


@app.get("/region")
async def region():
    return {"region": settings.region.get(), "debug": settings.debug.get()}


@app.get("/region-logged")
async def logged_region():
    return {"region": region_logged.get()}


@app.get("/routes")
def routes():  # expect-fix: convert-to-def
    return settings.routes.get()  # expect: UNB120
