import requests
from fastapi import BackgroundTasks, Depends, FastAPI

app = FastAPI()


def write_log(message: str) -> None:
    print(message)


async def audited(tasks: BackgroundTasks, user: str = "anonymous"):  # expect-fix: move-to-background
    tasks.add_task(write_log, f"seen {user}")
    tasks.add_task(
        requests.post, "https://audit.example/seen", data={"user": user}, timeout=5
    )  # expect: UNB110
    return user


@app.get("/items")
async def items(user: str = Depends(audited)):
    return {"user": user}
