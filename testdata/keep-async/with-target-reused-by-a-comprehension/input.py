import os
from pathlib import Path

from fastapi import FastAPI, Request

app = FastAPI()
DOWNLOADS = Path("downloads")


@app.post("/downloads/{name}")
async def save_download(name: str, request: Request):  # expect-fix: wrap-in-threadpool
    data = await request.body()
    with open(DOWNLOADS / name, "wb") as f:  # expect: UNB120
        f.write(data)  # expect: UNB120
    # This ``f`` is the comprehension's own: the moved block hands nothing back.
    others = [Path(f).name for f in os.listdir(DOWNLOADS) if Path(f).name != name]
    return {"saved": name, "others": others}
