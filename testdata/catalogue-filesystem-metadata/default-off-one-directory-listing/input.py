import glob
from pathlib import Path

from fastapi import FastAPI

app = FastAPI()
PUBLIC = Path("/srv/public")


@app.get("/favicon")
async def favicon():
    found = glob.glob("/srv/public/favicon.*")
    avatars = sorted(p.name for p in (PUBLIC / "avatars").iterdir())
    return {"favicon": found[0] if found else None, "avatars": avatars}
