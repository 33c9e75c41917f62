from fastapi import FastAPI

from app.deps import CurrentUser

app = FastAPI()


@app.get("/me")
async def read_me(user: CurrentUser):
    return user


@app.get("/me/name")
async def read_my_name(user: CurrentUser):
    return {"name": user.name}
