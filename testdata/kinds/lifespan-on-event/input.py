import subprocess
import time

from fastapi import FastAPI

app = FastAPI()


@app.on_event("startup")
async def wait_for_replica():  # expect-fix: swap-to-async
    time.sleep(2)  # expect: UNB100


@app.on_event("shutdown")
async def flush_metrics():  # expect-fix: wrap-in-threadpool
    subprocess.run(["metrics-flush", "--all"], check=True)  # expect: UNB130
