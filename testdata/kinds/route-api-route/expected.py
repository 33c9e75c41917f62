import subprocess

from fastapi import APIRouter, FastAPI

app = FastAPI()
router = APIRouter()


@app.api_route("/git/status", methods=["GET", "HEAD"])
def git_status():  # expect-fix: convert-to-def
    result = subprocess.run(["git", "status", "--short"], capture_output=True, text=True)  # expect: UNB130
    return {"clean": not result.stdout}


@router.api_route("/git/fetch", methods=["POST"])
def git_fetch(remote: str = "origin"):  # expect-fix: convert-to-def
    subprocess.check_call(["git", "fetch", remote])  # expect: UNB130
    return {"fetched": remote}


app.include_router(router, prefix="/repo")
