import subprocess

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


def git_revision(path: str) -> str:
    result = subprocess.run(["git", "-C", path, "rev-parse", "HEAD"], capture_output=True, text=True)
    return result.stdout.strip()


@app.post("/deploy")
async def deploy(request: Request):  # expect-fix: wrap-in-threadpool
    body = await request.json()
    revision = await run_in_threadpool(git_revision, body["path"])  # expect: UNB130
    return {"revision": revision}
