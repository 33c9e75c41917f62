from pathlib import Path

from fastapi import FastAPI

app = FastAPI()


@app.get("/reports/{year}")
def report(year: int):  # expect-fix: convert-to-def
    content = (Path("reports") / str(year) / "summary.txt").read_text()  # expect: UNB120
    return {"year": year, "summary": content}
