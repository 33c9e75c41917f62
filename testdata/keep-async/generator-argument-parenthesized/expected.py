from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.post("/notes")
async def save_notes(request: Request):  # expect-fix: wrap-in-threadpool
    lines = (await request.json())["lines"]
    handle = await run_in_threadpool(
        open, "notes.txt", "a", encoding="utf-8"
    )  # expect: UNB120
    await run_in_threadpool(
        handle.writelines, (line.strip() + "\n" for line in lines)
    )  # expect: UNB120
    handle.close()
    return {"saved": len(lines)}
