"""PEP 701 f-strings (same quotes nested, Python 3.12): positions stay right for the rewrite."""

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool

app = FastAPI()
NOTES = Path("notes")


@app.post("/notes/{note_id}")
async def add_note(note_id: int, request: Request) -> dict[str, str]:  # expect-fix: wrap-in-threadpool
    note = (await request.body()).decode("utf-8")
    name = f"{"note"}-{note_id:>{4}}.txt"

    def _blocking_io_1():
        with open(NOTES / name, "a", encoding="utf-8") as handle:  # expect: UNB120
            handle.write(f"{", ".join(note.split())}\n")  # expect: UNB120

    await run_in_threadpool(_blocking_io_1)
    return {"note": f"{name!r}", "status": f"{"ok"}"}
