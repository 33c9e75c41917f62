from pathlib import Path

from fastapi import FastAPI

app = FastAPI()
LOG = Path("app.log")


@app.get("/errors")
def errors():  # expect-fix: convert-to-def
    found = []
    with LOG.open(encoding="utf-8") as log:  # expect: UNB120
        for line in log:  # expect: UNB120
            if "ERROR" in line:
                found.append(line.rstrip())
    return {"errors": found}
