import os

from fastapi import FastAPI

app = FastAPI()


@app.post("/thumbnails/{name}")
async def thumbnail(name: str):  # expect-fix: convert-to-def
    pid = os.spawnlp(os.P_NOWAIT, "convert", "convert", name, "-resize", "64x64", f"thumb-{name}")  # expect: UNB130
    _, status = os.waitpid(pid, 0)  # expect: UNB130
    return {"status": status}
