from pathlib import Path

from fastapi import FastAPI

app = FastAPI()


@app.get("/csv/header")
def csv_header():  # expect-fix: convert-to-def
    with Path("exports/latest.csv").open() as fh:  # expect: UNB120
        header = fh.readline()  # expect: UNB120
    return header.split(",")
