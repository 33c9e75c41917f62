import hashlib

from fastapi import FastAPI, UploadFile

app = FastAPI()


@app.post("/checksum")
async def checksum(upload: UploadFile):  # expect-fix: convert-to-def
    upload.file.seek(0)  # expect: UNB120
    content = upload.file.read()  # expect: UNB120
    return {"sha256": hashlib.sha256(content).hexdigest(), "name": upload.filename}
