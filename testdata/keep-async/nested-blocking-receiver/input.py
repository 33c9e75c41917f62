from fastapi import FastAPI, Request

app = FastAPI()


@app.get("/motd")
async def motd(request: Request):  # expect-fix: wrap-in-threadpool
    user = await request.json()
    text = open("motd.txt").read()  # expect: UNB120
    return {"user": user, "motd": text}
