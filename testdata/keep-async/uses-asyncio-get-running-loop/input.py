import asyncio
import subprocess

from fastapi import FastAPI

app = FastAPI()


@app.post("/reindex")
async def reindex():  # expect-fix: wrap-in-threadpool
    loop = asyncio.get_running_loop()
    started = loop.time()
    subprocess.run(["make", "index"])  # expect: UNB130
    return {"took": loop.time() - started}
