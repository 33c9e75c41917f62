import json

from fastapi import Depends, FastAPI

app = FastAPI()


async def load_settings() -> dict:  # expect-fix: convert-to-def
    with open("settings.json", encoding="utf-8") as handle:  # expect: UNB120
        return json.load(handle)  # expect: UNB120


@app.get("/settings/theme")
async def theme(settings: dict = Depends(load_settings)):
    return {"theme": settings.get("theme", "light")}
