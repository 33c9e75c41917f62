import io

from fastapi import FastAPI, UploadFile
from PIL import Image

app = FastAPI()


@app.post("/thumbnail")
async def thumbnail(upload: UploadFile):  # expect-fix: convert-to-def
    image = Image.open(upload.file)  # expect: UNB220
    image.thumbnail((128, 128))  # expect: UNB220
    out = io.BytesIO()
    image.save(out, format="PNG")  # expect: UNB220
    return {"bytes": out.tell()}
