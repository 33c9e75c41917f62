import subprocess

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


def git_revision(folder: str) -> str:
    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=folder, capture_output=True, text=True, timeout=6)

    result = run()
    return result.stdout.strip()


@app.get("/revision")
def revision():  # expect-fix: convert-to-def
    return {"revision": git_revision("/srv/app")}  # expect: UNB130


@app.get("/branch")
def branch():  # expect-fix: convert-to-def
    def ask() -> str:
        return subprocess.check_output(["git", "branch", "--show-current"], text=True)

    return {"branch": ask()}  # expect: UNB130


@app.get("/tags")
async def tags():
    def ask() -> str:
        return subprocess.check_output(["git", "tag"], text=True)

    return {"tags": await run_in_threadpool(ask)}


@app.on_event("startup")
async def start_pruning():
    import asyncio

    async def prune_forever():  # expect-fix: wrap-in-threadpool
        while True:
            await run_in_threadpool(
                subprocess.run, ["find", "/tmp/cache", "-mtime", "+1", "-delete"]
            )  # expect: UNB130
            await asyncio.sleep(3600)

    asyncio.create_task(prune_forever())
