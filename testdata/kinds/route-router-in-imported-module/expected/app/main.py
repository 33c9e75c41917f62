import requests
from fastapi import FastAPI

from .routers import users
from .routers.users import router as users_router

app = FastAPI()


@users.router.get("/{user_id}/avatar")
def avatar_url(user_id: int):  # expect-fix: convert-to-def
    profile = requests.get(f"https://profiles.example/api/{user_id}", timeout=3)  # expect: UNB110
    return {"avatar": profile.json()["avatar"]}


@users_router.delete("/{user_id}/avatar")
def delete_avatar(user_id: int):  # expect-fix: convert-to-def
    requests.delete(f"https://profiles.example/api/{user_id}/avatar", timeout=3)  # expect: UNB110
    return {"deleted": user_id}


app.include_router(users.router)
