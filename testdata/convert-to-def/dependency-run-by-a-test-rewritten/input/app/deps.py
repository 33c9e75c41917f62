import time

from fastapi import Depends, FastAPI

app = FastAPI()


async def current_user(token: str = "") -> dict:  # expect-fix: convert-to-def
    time.sleep(0.05)  # expect: UNB100
    return {"token": token}


@app.get("/me")
def me(user: dict = Depends(current_user)):
    return user
