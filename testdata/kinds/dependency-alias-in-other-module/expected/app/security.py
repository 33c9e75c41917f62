import requests
from fastapi import Header, HTTPException
from pydantic import BaseModel


class User(BaseModel):
    id: int
    name: str


def get_current_user(
    authorization: str = Header(),
) -> User:  # expect-fix: convert-to-def
    reply = requests.get("https://auth.example/userinfo", headers={"Authorization": authorization}, timeout=5)  # expect: UNB110
    if reply.status_code != 200:
        raise HTTPException(status_code=401, detail="invalid token")
    return User(**reply.json())
