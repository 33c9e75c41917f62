import asyncio

from fastapi import FastAPI

app = FastAPI()


async def audit(event: str) -> None:
    print("audit", event)


@app.post("/login")
async def login(user: str):  # expect-fix: swap-to-async
    asyncio.create_task(audit(f"login {user}"))
    await asyncio.sleep(0.2)  # expect: UNB100
    return {"user": user}
