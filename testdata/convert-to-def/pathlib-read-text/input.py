from pathlib import Path

from fastapi import FastAPI

app = FastAPI()


@app.get("/readme")
async def readme():  # expect-fix: convert-to-def
    return {"text": Path("README.md").read_text(encoding="utf-8")}  # expect: UNB120
