import httpx
from fastapi import FastAPI

app = FastAPI()


@app.get("/avatar/{user}")
async def avatar(user: str):  # expect-fix: convert-to-def
    with httpx.Client() as client:
        image = client.get(f"https://avatars.example/{user}.png")  # expect: UNB110
    return {"bytes": len(image.content)}
