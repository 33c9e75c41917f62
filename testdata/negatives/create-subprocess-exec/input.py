import asyncio

from fastapi import FastAPI

app = FastAPI()


@app.post("/thumbnail")
async def thumbnail(path: str):
    process = await asyncio.create_subprocess_exec("convert", path, "-resize", "64x64", f"{path}.thumb.png")
    await process.wait()
    return {"ok": process.returncode == 0}
