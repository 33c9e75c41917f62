"""Functions kept in lists and dicts, then called from there: each call runs one of them."""

import asyncio
import shutil

import requests
from fastapi import FastAPI

app = FastAPI()


def check_disk() -> bool:
    return shutil.disk_usage("/").free > 1 << 30


def check_search() -> bool:
    return requests.get("https://search.internal/health", timeout=2).ok


def shout(text: str) -> str:
    return text.upper()


def whisper(text: str) -> str:
    return text.lower()


HEALTH_CHECKS = [check_disk, check_search]
CHECKS_BY_NAME = {"disk": check_disk, "search": check_search}
STYLES = {"shout": shout, "whisper": whisper}
WARMUPS = []


def on_warmup(hook):
    WARMUPS.append(hook)
    return hook


@on_warmup
async def load_synonyms() -> None:  # expect-fix: swap-to-async
    await asyncio.sleep(2)  # expect: UNB100


@app.get("/health")
def health():  # expect-fix: convert-to-def
    return {"ok": all(check() for check in HEALTH_CHECKS)}  # expect: UNB110,UNB120


@app.get("/health/each")
def health_each():  # expect-fix: convert-to-def
    failed = []
    for check in HEALTH_CHECKS:
        if not check():  # expect: UNB110,UNB120
            failed.append(check.__name__)
    return {"failed": failed}


@app.get("/health/{name}")
def health_of(name: str):  # expect-fix: convert-to-def
    return {"ok": CHECKS_BY_NAME[name]()}  # expect: UNB110,UNB120


@app.get("/style/{name}")
async def style(name: str, text: str):
    formatter = STYLES.get(name, shout)
    return {"text": formatter(text)}


@app.post("/warmup")
async def warmup():  # expect-fix: swap-to-async
    for hook in WARMUPS:
        await hook()  # expect: UNB100
    return {"warm": True}
