from fastapi import FastAPI

app = FastAPI()


@app.get("/banner")
async def banner():  # expect-fix: convert-to-def
    fh = open("banner.txt")  # noqa: ASYNC230
    text = fh.read()  # expect: UNB120
    fh.close()
    return text
