import shutil

from fastapi import FastAPI, UploadFile

app = FastAPI()


@app.post("/uploads")
def save_upload(file: UploadFile):  # expect-fix: convert-to-def
    target = f"/srv/uploads/{file.filename}"
    with open(target, "wb") as out:  # expect: UNB120
        shutil.copyfileobj(file.file, out)  # expect: UNB120
    return {"stored": target}
