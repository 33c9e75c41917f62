from fastapi import FastAPI

app = FastAPI()
DOORS = {"front": "closed"}


def open(door: str) -> str:
    DOORS[door] = "open"
    return DOORS[door]


@app.post("/doors/{door}")
async def open_door(door: str):
    return {"door": door, "state": open(door)}
