import io

from fastapi import FastAPI, UploadFile
from fastapi.concurrency import run_in_threadpool
from PIL import Image

app = FastAPI()


@app.post("/images/size")
async def image_size(upload: UploadFile):
    data = await upload.read()
    picture = Image.open(io.BytesIO(data))
    return {"width": picture.width, "height": picture.height, "format": picture.format}


@app.post("/images/thumbnail")
async def thumbnail(upload: UploadFile):  # expect-fix: wrap-in-threadpool
    buffer = io.BytesIO(await upload.read())
    picture = Image.open(buffer)
    await run_in_threadpool(picture.thumbnail, (128, 128))  # expect: UNB220
    out = io.BytesIO()
    await run_in_threadpool(picture.save, out, format="PNG")  # expect: UNB220
    return {"bytes": len(out.getvalue())}


@app.post("/images/from-disk")
def from_disk(name: str):  # expect-fix: convert-to-def
    picture = Image.open(f"/srv/images/{name}")  # expect: UNB220
    return {"mode": picture.mode}
