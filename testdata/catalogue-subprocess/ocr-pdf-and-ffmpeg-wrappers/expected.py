import ffmpeg
import pytesseract
from fastapi import FastAPI, UploadFile
from fastapi.concurrency import run_in_threadpool
from pdf2image import convert_from_bytes
from PIL import Image

app = FastAPI()


@app.post("/ocr")
def ocr(upload: UploadFile):  # expect-fix: convert-to-def
    image = Image.open(upload.file)  # expect: UNB220
    return {"text": pytesseract.image_to_string(image)}  # expect: UNB130


@app.post("/pdf/pages")
async def pdf_pages(upload: UploadFile):  # expect-fix: wrap-in-threadpool
    pages = await run_in_threadpool(
        convert_from_bytes, await upload.read(), dpi=100
    )  # expect: UNB130
    return {"pages": len(pages)}


@app.post("/videos/{name}/thumbnail")
def thumbnail(name: str):  # expect-fix: convert-to-def
    source = f"/srv/videos/{name}.mp4"
    info = ffmpeg.probe(source)  # expect: UNB130
    stream = ffmpeg.input(source, ss=1).filter("scale", 320, -1).output(f"/srv/thumbs/{name}.jpg", vframes=1)
    stream.overwrite_output().run(quiet=True)  # expect: UNB130
    return {"duration": info["format"]["duration"]}


@app.post("/videos/{name}/plan")
async def plan(name: str):
    # Building the command line runs nothing.
    stream = ffmpeg.input(f"/srv/videos/{name}.mp4").output(f"/srv/out/{name}.webm")
    return {"args": stream.get_args()}
