"""Async functions next to a FastAPI app that FastAPI never runs itself."""

import time

import requests
from fastapi import FastAPI

app = FastAPI()


async def warm_cache_manually():
    time.sleep(1)


async def export_csv(rows: list) -> str:
    with open("export.csv", "w", encoding="utf-8") as handle:
        handle.write("\n".join(rows))
    return "export.csv"


async def check_upstream() -> int:
    return requests.get("https://upstream.example/health", timeout=5).status_code


COMMANDS = {"warm": warm_cache_manually, "export": export_csv, "check": check_upstream}


@app.get("/commands")
async def list_commands():
    return sorted(COMMANDS)
