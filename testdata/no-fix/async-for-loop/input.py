from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/upload")
async def upload(request: Request):  # expect-fix: none
    with open("upload.bin", "wb") as sink:  # expect: UNB120
        async for chunk in request.stream():
            sink.write(chunk)  # expect: UNB120
    return {"stored": True}
