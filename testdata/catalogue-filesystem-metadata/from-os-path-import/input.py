from os.path import isfile, join

from fastapi import FastAPI

app = FastAPI()


@app.get("/has-avatar/{user}")
async def has_avatar(user: str):  # expect-fix: convert-to-def
    return {"present": isfile(join("/srv/avatars", f"{user}.png"))}  # expect: UNB210
