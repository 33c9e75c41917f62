import glob
import os
from pathlib import Path

from fastapi import FastAPI

app = FastAPI()
UPLOADS = Path("/srv/uploads")


@app.get("/uploads")
async def uploads(pattern: str):  # expect-fix: convert-to-def
    names = sorted(os.listdir("/srv/uploads"))  # expect: UNB210
    with os.scandir("/srv/thumbnails") as entries:  # expect: UNB210
        thumbnails = [entry.name for entry in entries]
    images = [p.name for p in UPLOADS.iterdir() if p.suffix == ".png"]  # expect: UNB210
    logs = glob.glob("/srv/uploads/*.log")  # expect: UNB210
    matching = [p.name for p in UPLOADS.glob(pattern)]  # expect: UNB210
    return {"names": names, "thumbnails": thumbnails, "images": images, "logs": logs, "matching": matching}
