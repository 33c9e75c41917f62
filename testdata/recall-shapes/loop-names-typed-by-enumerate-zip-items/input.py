"""A loop's tuple target: ``enumerate``, ``zip`` and ``.items()`` say what each name holds."""

import hashlib

import requests
from fastapi import FastAPI, UploadFile

app = FastAPI()

MIRRORS: dict[str, requests.Session] = {"eu": requests.Session(), "us": requests.Session()}
LABELS: dict[str, str] = {"eu": "Europe", "us": "United States"}


async def checksums(files: list[UploadFile]) -> list[str]:  # expect-fix: wrap-in-threadpool
    sums = []
    for index, upload in enumerate(files):
        body = upload.file.read()  # expect: UNB120
        sums.append(f"{index}:{hashlib.sha256(body).hexdigest()}")
    return sums


@app.post("/checksums")
async def post_checksums(files: list[UploadFile]):  # expect-fix: wrap-in-threadpool
    return await checksums(files)  # expect: UNB120


@app.get("/mirrors")
async def mirror_status():  # expect-fix: convert-to-def
    status = {}
    for region, session in MIRRORS.items():
        status[region] = session.get(f"https://{region}.example.com/health", timeout=5).status_code  # expect: UNB110
    return status


@app.get("/pairs")
async def pairs(names: list[str]):  # expect-fix: convert-to-def
    return [session.head(f"https://{name}.example.com", timeout=5).ok  # expect: UNB110
            for name, session in zip(names, MIRRORS.values())]


@app.get("/labels")
async def labels():
    shown = []
    for position, (region, label) in enumerate(LABELS.items()):
        shown.append(f"{position}. {region}: {label.upper()}")
    for region, label in LABELS.items():
        shown.append(label.title())
    return shown
