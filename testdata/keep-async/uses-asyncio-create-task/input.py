import asyncio
import time

from fastapi import FastAPI

app = FastAPI()


async def audit(event: str) -> None:
    print("audit", event)


@app.post("/login")
async def login(user: str):  # expect-fix: swap-to-async
    asyncio.create_task(audit(f"login {user}"))
    time.sleep(0.2)  # expect: UNB100
    return {"user": user}
