import subprocess
import time

from fastapi import FastAPI


async def warm_up():  # expect-fix: swap-to-async
    time.sleep(1.5)  # expect: UNB100


async def stop_sidecar():  # expect-fix: wrap-in-threadpool
    subprocess.run(["systemctl", "stop", "metrics-sidecar"])  # expect: UNB130


app = FastAPI(on_startup=[warm_up], on_shutdown=[stop_sidecar])
