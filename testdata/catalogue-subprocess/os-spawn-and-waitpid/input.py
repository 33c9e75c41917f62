import os

from fastapi import FastAPI

app = FastAPI()


@app.post("/thumbnails/{name}")
async def thumbnail(name: str):  # expect-fix: convert-to-def
    pid = os.spawnlp(os.P_NOWAIT, "convert", "convert", name, "-resize", "64x64", f"thumb-{name}")  # expect: UNB130
    _, status = os.waitpid(pid, 0)  # expect: UNB130
    return {"status": status}


@app.post("/children/reap")
async def reap_children():
    # WNOHANG only asks whether a child has exited: it never waits.
    reaped = []
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            break
        reaped.append(pid)
    info = os.waitid(os.P_ALL, 0, options=os.WEXITED | os.WNOHANG)
    return {"reaped": reaped, "other": info is not None}
