import fsspec
import s3fs
from fastapi import FastAPI
from smart_open import open as smart_open

app = FastAPI()
s3 = s3fs.S3FileSystem(anon=False)


@app.get("/reports")
def reports():  # expect-fix: convert-to-def
    return s3.ls("reports-bucket/2026")  # expect: UNB160


@app.get("/reports/{name}")
def report(name: str):  # expect-fix: convert-to-def
    with fsspec.open(f"s3://reports-bucket/{name}", "rb") as handle:  # expect: UNB160
        return {"size": len(handle.read())}


@app.get("/exports/{name}")
def export(name: str):  # expect-fix: convert-to-def
    store = fsspec.filesystem("gcs")
    data = store.cat(f"exports-bucket/{name}")  # expect: UNB160
    with smart_open(f"s3://archive/{name}", "wb") as out:  # expect: UNB160
        out.write(data)  # expect: UNB120
    return {"bytes": len(data)}
