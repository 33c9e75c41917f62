import json
import sqlite3

import requests
from fastapi import FastAPI

app = FastAPI()


def initialize(base: str | None = None) -> dict:
    settings = {"ready": True}
    if base is not None:
        with open(base) as handle:
            settings.update(json.load(handle))
    return settings


def add_user(body: dict, user: str) -> None:
    sqlite3.connect("audit.db").execute("insert into users values (?)", (user,))


def stamp(body: dict, user: str, is_system: bool = False) -> dict:
    if is_system:
        add_user(body, user)
    return {**body, "by": user}


def notify(url: str, dry_run: bool = True) -> None:
    if not dry_run:
        requests.post(url, timeout=5)


@app.get("/settings")
async def settings():
    return initialize()


@app.post("/stamp")
async def stamped(body: dict):
    return stamp(body, "api")


@app.post("/preview")
async def preview(url: str):
    notify(url)
    notify(url, dry_run=True)
    return {"sent": False}


@app.get("/settings/file")
async def settings_file():  # expect-fix: convert-to-def
    return initialize("/etc/app.json")  # expect: UNB120


@app.post("/stamp/system")
async def stamped_system(body: dict):  # expect-fix: convert-to-def
    return stamp(body, "system", is_system=True)  # expect: UNB140


@app.post("/send")
async def send(url: str, dry_run: bool):  # expect-fix: convert-to-def
    notify(url, dry_run)  # expect: UNB110
    return {"sent": not dry_run}
