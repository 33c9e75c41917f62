import httpx
from fastapi import FastAPI

app = FastAPI()


@app.get("/download-size")
async def download_size(url: str):  # expect-fix: convert-to-def
    total = 0
    with httpx.stream("GET", url) as response:  # expect: UNB110
        for chunk in response.iter_bytes():  # expect: UNB110
            total += len(chunk)
    return {"bytes": total}
