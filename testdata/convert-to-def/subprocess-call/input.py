import subprocess

from fastapi import FastAPI

app = FastAPI()


@app.post("/cache/flush")
async def flush_cache():  # expect-fix: convert-to-def
    code = subprocess.call("redis-cli FLUSHALL", shell=True)  # expect: UNB130
    return {"exit": code}
