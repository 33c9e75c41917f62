import os

from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/total")
async def total(request: Request):  # expect-fix: none
    names = await request.json()
    return {"lines": sum(len(open(name).readlines()) for name in names)}  # expect: UNB120
