import asyncio
import subprocess

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool


async def warm_up():  # expect-fix: swap-to-async
    await asyncio.sleep(1.5)  # expect: UNB100


async def stop_sidecar():  # expect-fix: wrap-in-threadpool
    await run_in_threadpool(
        subprocess.run, ["systemctl", "stop", "metrics-sidecar"]
    )  # expect: UNB130


app = FastAPI(on_startup=[warm_up], on_shutdown=[stop_sidecar])
