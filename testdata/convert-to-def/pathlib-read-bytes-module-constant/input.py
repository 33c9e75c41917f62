from pathlib import Path

from fastapi import FastAPI

app = FastAPI()
STATIC = Path(__file__).parent / "static"
DIST = Path(__file__).resolve().parents[2] / "dist"


@app.get("/logo")
async def logo():  # expect-fix: convert-to-def
    data = (STATIC / "logo.png").read_bytes()  # expect: UNB120
    return {"length": len(data)}


@app.get("/debug.js")
async def debug_script():  # expect-fix: convert-to-def
    return (DIST / "js" / "debug.js").read_text()  # expect: UNB120
