import pathlib

from fastapi import FastAPI

app = FastAPI()


@app.put("/draft/{name}")
def save_draft(name: str, body: str):  # expect-fix: convert-to-def
    pathlib.Path(f"drafts/{name}.txt").write_text(body)  # expect: UNB120
    pathlib.Path(f"drafts/{name}.bin").write_bytes(body.encode())  # expect: UNB120
    return {"saved": name}
