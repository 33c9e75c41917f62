"""python-magic: a new ``Magic`` per upload loads libmagic's database from disk.

The module's ``magic.from_buffer`` shares one instance, loaded once per process,
so a handler that only calls it is not reported; ``from_file`` reads the file.
"""

import magic
from fastapi import FastAPI, UploadFile

app = FastAPI()


@app.post("/detect")
async def detect(upload: UploadFile) -> dict:  # expect-fix: wrap-in-threadpool
    payload = await upload.read()
    detector = magic.Magic(mime=True)  # expect: UNB120
    return {"mime": detector.from_buffer(payload)}


@app.get("/type")
async def file_type(path: str) -> dict:  # expect-fix: convert-to-def
    return {"mime": magic.from_file(path, mime=True)}  # expect: UNB120


@app.post("/quick")
async def quick(upload: UploadFile) -> dict:
    return {"mime": magic.from_buffer(await upload.read(2048), mime=True)}
