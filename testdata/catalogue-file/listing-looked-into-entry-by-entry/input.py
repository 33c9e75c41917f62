import os
from pathlib import Path

from fastapi import FastAPI

app = FastAPI()
RUNS = Path("/srv/runs")


@app.get("/runs/{run_id}/files")
async def run_files(run_id: str):  # expect-fix: convert-to-def
    folder = RUNS / run_id
    return [
        {"name": p.name, "size": os.path.getsize(p)}
        for p in folder.glob("*")  # expect: UNB120
        if p.is_file()
    ]


@app.get("/browse")
async def browse(path: str):  # expect-fix: convert-to-def
    entries = os.listdir(path)  # expect: UNB120
    folders = []
    for entry in sorted(entries):
        full = os.path.join(path, entry.lstrip("/"))
        if os.path.isdir(full):
            folders.append(entry + "/")
    return folders


@app.get("/names")
async def names(path: str):
    # One listing, no syscall per entry: metadata (UNB210, off by default).
    return [name.replace("_", " ") for name in os.listdir(path)]


@app.get("/recent")
async def recent(path: str):  # expect-fix: convert-to-def
    paths = [p for p in Path(path).iterdir()]  # expect: UNB120
    paths.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    return [p.name for p in paths]


@app.get("/latest")
async def latest(path: str):  # expect-fix: convert-to-def
    newest = max(os.listdir(path), key=os.path.getmtime)  # expect: UNB120
    return {"latest": newest}


@app.get("/resolved")
async def resolved(path: str):  # expect-fix: convert-to-def
    entries = [p for p in Path(path).iterdir()]  # expect: UNB120
    return [str(p.resolve()) for p in entries]


@app.get("/alphabetical")
async def alphabetical(path: str):
    # Sorted by name: still one listing and no syscall per entry.
    return sorted(os.listdir(path), key=str.lower)


@app.get("/defaults")
async def defaults(path: str):
    # Rebound before it is looked into: the names resolved are not the listing's entries.
    entries = [p for p in Path(path).iterdir()]
    entries = ["settings.toml", "secrets.toml"] if not entries else entries[:0]
    return [os.path.realpath(name) for name in entries]


@app.get("/checkpoints")
async def checkpoints(path: str):  # expect-fix: convert-to-def
    found = list(filter(lambda item: os.path.isdir(item[1]), [
        (name, os.path.join(path, name))
        for name in os.listdir(path)  # expect: UNB120
    ]))
    return [name for name, _ in found]


@app.get("/sizes")
async def sizes(path: str):  # expect-fix: convert-to-def
    return dict(zip(os.listdir(path), map(os.path.getsize, os.listdir(path))))  # expect: UNB120


@app.get("/visible")
async def visible(path: str):
    # Filtered by name: no syscall per entry.
    return list(filter(lambda name: not name.startswith("."), os.listdir(path)))


@app.get("/tree")
async def tree(root: str):  # expect-fix: convert-to-def
    def describe(path: str) -> dict:
        if not os.path.isdir(path):
            return {"name": os.path.basename(path), "type": "file"}
        children = [describe(os.path.join(path, child)) for child in os.listdir(path)]
        return {"name": os.path.basename(path), "children": children}

    return describe(root)  # expect: UNB120
