import glob
import os

from fastapi import FastAPI

app = FastAPI()


@app.get("/reports")
async def reports():  # expect-fix: convert-to-def
    total = 0
    for _root, _dirs, files in os.walk("/srv/archive"):  # expect: UNB120
        total += len(files)
    nested = glob.glob("/srv/reports/**/*.pdf", recursive=True)  # expect: UNB120
    return {"archived": total, "nested": len(nested), "base": os.path.join("/srv", "reports")}


@app.get("/uploads/{user}")
async def uploads(user: str):
    # ``**`` inside a path component matches like ``*``: one directory is listed.
    return {"files": glob.glob(f"/srv/uploads/{user}/**.txt", recursive=True)}
