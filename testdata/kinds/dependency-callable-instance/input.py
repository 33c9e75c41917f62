import time

import requests
from fastapi import Depends, FastAPI, HTTPException, Request

app = FastAPI()


class RoleChecker:
    def __init__(self, *roles: str) -> None:
        self.roles = set(roles)

    async def __call__(self, request: Request) -> str:  # expect-fix: convert-to-def
        token = request.headers.get("authorization", "")
        reply = requests.get("https://auth.example/role", headers={"Authorization": token}, timeout=5)  # expect: UNB110
        role = reply.json()["role"]
        if role not in self.roles:
            raise HTTPException(status_code=403)
        return role


class Throttle:
    def __init__(self, delay: float) -> None:
        self.delay = delay

    async def __call__(self) -> None:  # expect-fix: convert-to-def
        time.sleep(self.delay)  # expect: UNB100


throttle = Throttle(0.1)


@app.delete("/posts/{post_id}", dependencies=[Depends(throttle)])
async def delete_post(post_id: int, role: str = Depends(RoleChecker("admin", "editor"))):
    return {"deleted": post_id, "by": role}
