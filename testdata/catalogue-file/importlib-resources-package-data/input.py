import importlib.resources
from importlib import resources

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/", response_class=HTMLResponse)
async def index():  # expect-fix: convert-to-def
    # A package's data file: files() gives a Traversable, and reading it is file I/O.
    return (
        importlib.resources.files("webapp")  # expect: UNB120
        .joinpath("statics/index.html")
        .read_text()
    )


@app.get("/logo")
async def logo():  # expect-fix: convert-to-def
    logo_file = resources.files("webapp") / "statics" / "logo.svg"
    return logo_file.read_bytes()  # expect: UNB120


@app.get("/terms")
async def terms():  # expect-fix: convert-to-def
    return resources.read_text("webapp", "terms.txt")  # expect: UNB120


@app.get("/where")
async def where():
    # Path arithmetic only: nothing is read.
    return {"folder": str(resources.files("webapp") / "statics")}
