from pathlib import Path

from fastapi import FastAPI

app = FastAPI()
EXPORTS = Path("/srv/exports")


@app.router.get("/exports/{name}")
async def read_export(name: str):  # expect-fix: convert-to-def
    return {"content": (EXPORTS / name).read_text(encoding="utf-8")}  # expect: UNB120


@app.router.put("/exports/{name}")
async def write_export(name: str, body: dict):  # expect-fix: convert-to-def
    (EXPORTS / name).write_text(repr(body), encoding="utf-8")  # expect: UNB120
    return {"written": name}
