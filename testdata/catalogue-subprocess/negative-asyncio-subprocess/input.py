import asyncio
import subprocess

from fastapi import FastAPI

app = FastAPI()


@app.get("/uptime")
async def uptime():
    proc = await asyncio.create_subprocess_exec("uptime", stdout=subprocess.PIPE)
    out, _ = await proc.communicate()
    return {"uptime": out.decode().strip(), "code": proc.returncode}
