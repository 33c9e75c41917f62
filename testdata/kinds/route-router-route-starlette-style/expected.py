import subprocess
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import PlainTextResponse

router = APIRouter()


@router.route("/uptime", methods=["GET"])
def uptime(request: Request):  # expect-fix: convert-to-def
    text = subprocess.check_output(["uptime"], text=True)  # expect: UNB130
    return PlainTextResponse(text)


def robots(request: Request):  # expect-fix: convert-to-def
    return PlainTextResponse(Path("static/robots.txt").read_text())  # expect: UNB120


app = FastAPI()
app.include_router(router)
app.add_route("/robots.txt", robots)
