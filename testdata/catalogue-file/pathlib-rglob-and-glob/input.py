from pathlib import Path

from fastapi import FastAPI

app = FastAPI()
LOGS = Path("/var/log/app")


@app.get("/logs")
async def list_logs():  # expect-fix: convert-to-def
    rotated = [p.name for p in LOGS.rglob("*.gz")]  # expect: UNB120
    archived = [p.name for p in LOGS.glob("archive/**/*.log")]  # expect: UNB120
    return {"rotated": rotated, "archived": archived}
