from pathlib import Path

from fastapi import FastAPI

app = FastAPI()
STATIC = Path(__file__).parent / "static"


@app.get("/logo")
async def logo():  # expect-fix: convert-to-def
    data = (STATIC / "logo.png").read_bytes()  # expect: UNB120
    return {"length": len(data)}
