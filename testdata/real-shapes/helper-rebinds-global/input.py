from pathlib import Path

from fastapi import FastAPI, Request

app = FastAPI()
state = {}
last_saved = None


def save_state(path: Path) -> None:
    global last_saved
    path.write_text(repr(state))
    last_saved = path


@app.post("/state")
async def update(request: Request):  # expect-fix: wrap-in-threadpool
    state.update(await request.json())
    save_state(Path("state.txt"))  # expect: UNB120
    return {"saved": True}
