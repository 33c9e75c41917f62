from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.get("/motd")
async def motd(request: Request):  # expect-fix: wrap-in-threadpool
    user = await request.json()
    text = await run_in_threadpool(lambda: open("motd.txt").read())  # expect: UNB120
    return {"user": user, "motd": text}
