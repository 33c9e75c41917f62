from pathlib import Path

from fastapi import FastAPI

app = FastAPI()


@app.delete("/cache/{key}")
async def drop_cache(key: str):  # expect-fix: convert-to-def
    entry = Path("/var/cache/app") / key
    entry.parent.mkdir(parents=True, exist_ok=True)  # expect: UNB210
    if entry.exists():  # expect: UNB210
        entry.unlink()  # expect: UNB210
    return {"dropped": entry.name}
