import asyncio
import tempfile

from fastapi import FastAPI

app = FastAPI()
SCRATCH = {}


@app.post("/exports")
async def export_report():  # expect-fix: convert-to-def
    # Leaving the block removes the directory and what was written in it (an rmtree).
    with tempfile.TemporaryDirectory() as workdir:  # expect: UNB120
        return {"folder": workdir}


@app.post("/scratch")
async def open_scratch():
    # Making one is a single mkdir, filesystem metadata like mkdtemp (off by default).
    scratch = tempfile.TemporaryDirectory()
    SCRATCH[scratch.name] = scratch
    return {"folder": scratch.name}


@app.delete("/scratch/{name}")
async def drop_scratch(name: str):  # expect-fix: convert-to-def
    SCRATCH.pop(name).cleanup()  # expect: UNB120
    return {"dropped": name}


@app.post("/bundles")
async def bundle(name: str):  # expect-fix: none
    # The block awaits, so the function stays async, and the removal on leaving it
    # cannot move to a thread by itself: reported, not fixed.
    with tempfile.TemporaryDirectory() as workdir:  # expect: UNB120
        await asyncio.sleep(0)
        return {"bundle": name, "folder": workdir}
