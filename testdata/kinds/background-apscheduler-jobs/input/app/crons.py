import time

import requests


async def refresh_rates() -> None:  # expect-fix: convert-to-def
    requests.get("https://rates.example.com/latest", timeout=10)  # expect: UNB110


async def purge_sessions() -> None:  # expect-fix: convert-to-def
    time.sleep(1)  # expect: UNB100


async def heartbeat() -> None:
    requests.post("https://status.example.com/ping", timeout=5)


cron_jobs = [
    {"func": refresh_rates, "trigger": "interval", "minutes": 5},
    {"func": purge_sessions, "trigger": "cron", "hour": 3},
]
