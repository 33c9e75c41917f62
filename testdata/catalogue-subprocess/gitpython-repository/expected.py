import asyncio
from pathlib import Path

from fastapi import Depends, FastAPI
from git import Repo
from git.repo import Repo as RepoClass

app = FastAPI()
CLONES = Path("/srv/clones")


def current_repo() -> RepoClass:  # expect-fix: convert-to-def
    return RepoClass(CLONES / "policy")  # expect: UNB120


@app.get("/policy/heads")
def list_heads(repo: RepoClass = Depends(current_repo)):  # expect-fix: convert-to-def
    return [head.name for head in repo.heads]  # expect: UNB120


@app.get("/policy/commit")
def head_commit(repo: Repo = Depends(current_repo)):  # expect-fix: convert-to-def
    commit = repo.head.commit  # expect: UNB120
    return {"sha": commit.hexsha}


@app.post("/policy/{name}/clone")
def clone(name: str, url: str):  # expect-fix: convert-to-def
    repo = Repo.clone_from(url, CLONES / name)  # expect: UNB130
    repo.git.checkout("main")  # expect: UNB130
    repo.remote("origin").fetch()  # expect: UNB130
    return {"path": repo.working_tree_dir}


@app.get("/policy/{name}/log")
def log(name: str):  # expect-fix: convert-to-def
    repo = Repo(CLONES / name)  # expect: UNB120
    return [c.hexsha for c in repo.iter_commits("main", max_count=20)]  # expect: UNB130


@app.get("/policy/{name}/path")
async def clone_path(name: str):
    # Handing the whole repository work to a thread keeps the loop free.
    repo = await asyncio.to_thread(Repo, CLONES / name)
    return {"path": repo.working_tree_dir}
