import aiofiles
import aiofiles.os
from fastapi import FastAPI

app = FastAPI()


@app.post("/notes/{name}")
async def replace_note(name: str, text: str):
    path = f"/srv/notes/{name}.txt"
    if await aiofiles.os.path.exists(path):
        await aiofiles.os.remove(path)
    async with aiofiles.open(path, "w") as handle:
        await handle.write(text)
    return {"saved": path}
