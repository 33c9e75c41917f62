import gzip
import io
import zipfile

from fastapi import FastAPI, Response

app = FastAPI()


@app.get("/bundle")
async def bundle():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    packed = gzip.GzipFile(fileobj=io.BytesIO(), mode="wb")
    packed.write(b"x")
    return Response(buffer.getvalue(), media_type="application/zip")
