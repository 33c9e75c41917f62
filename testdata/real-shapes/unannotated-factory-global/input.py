import json
import os
from pathlib import Path

from fastapi import FastAPI

app = FastAPI()

TRANSLATIONS = Path(os.environ.get("TRANSLATIONS", "translations"))


class Settings:
    def __init__(self, language: str, theme: str) -> None:
        self.language = language
        self.theme = theme

    def load_translation(self, language: str) -> dict:
        path = TRANSLATIONS / f"{language}.json"
        if not path.is_file():
            return {}
        return json.loads(path.read_text(encoding="utf-8"))

    def describe(self) -> dict:
        return {"language": self.language, "theme": self.theme}


def load_settings():
    language = os.environ.get("LANGUAGE")
    if not language:
        return None
    return Settings(language, os.environ.get("THEME", "light"))


def pick(name):
    if name == "a":
        return Settings("en", "light")
    return name.upper()


settings = load_settings()
picked = pick("a")


@app.get("/translations")
async def translations(language: str = "en"):  # expect-fix: convert-to-def
    return {"translation": settings.load_translation(language)}  # expect: UNB120


@app.get("/settings")
async def describe_settings():
    return settings.describe()


@app.get("/picked")
async def picked_translation(language: str = "en"):  # expect-fix: convert-to-def
    # ``pick`` returns a Settings or a str; only a Settings has ``load_translation``.
    return {"translation": picked.load_translation(language)}  # expect: UNB120
