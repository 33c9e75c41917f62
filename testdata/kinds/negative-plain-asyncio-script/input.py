"""A command-line script with asyncio and no web framework: nothing is served, nothing is flagged."""

import asyncio
import json
import sys
import time

import requests

URLS = ["https://status.example/a", "https://status.example/b"]


async def probe(url: str) -> dict:
    started = time.monotonic()
    reply = requests.get(url, timeout=5)
    return {"url": url, "status": reply.status_code, "seconds": time.monotonic() - started}


async def main() -> int:
    results = await asyncio.gather(*(probe(url) for url in URLS))
    with open("probe-results.json", "w", encoding="utf-8") as handle:
        json.dump(results, handle)
    time.sleep(0.1)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
