from fastapi import Depends, FastAPI, Request


def record_hit(request: Request):  # expect-fix: convert-to-def
    with open("hits.log", "a", encoding="utf-8") as log:  # expect: UNB120
        log.write(f"{request.method} {request.url.path}\n")  # expect: UNB120


app = FastAPI(dependencies=[Depends(record_hit)])


@app.get("/")
async def index():
    return {"hello": "world"}
