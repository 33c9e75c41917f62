from pathlib import Path

from fastapi import FastAPI

app = FastAPI()


@app.get("/peek")
def peek(p: Path):  # expect-fix: convert-to-def
    raw = p.read_bytes()  # expect: UNB120
    return {"head": raw[:16].hex()}
