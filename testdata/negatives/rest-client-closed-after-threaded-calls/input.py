"""A REST SDK client used from threads, then closed on the loop.

Every request of the client runs in a worker thread; ``close()`` in the
``finally`` only lets the client's HTTP session go (its sockets are closed
locally, nothing is sent), so the handler does not block.
"""

import asyncio

from fastapi import FastAPI
from github import Github

app = FastAPI()


@app.get("/repos/{owner}/{name}/branches")
async def list_branches(owner: str, name: str, token: str) -> list[str]:
    gh = Github(token)
    try:
        repo = await asyncio.to_thread(gh.get_repo, f"{owner}/{name}")
        branches = await asyncio.to_thread(lambda: [b.name for b in repo.get_branches()])
        return branches
    finally:
        gh.close()
