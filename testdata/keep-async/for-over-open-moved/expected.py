import csv
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool

app = FastAPI()
DATA = Path("data")


@app.post("/import/{name}")
async def import_rows(name: str, request: Request):  # expect-fix: wrap-in-threadpool
    wanted = (await request.json())["columns"]
    rows = []
    # Every line is read as the loop asks for it: the whole loop moves to the thread.
    last: object

    def _blocking_io_1():
        nonlocal last
        for line in open(DATA / f"{name}.txt", encoding="utf-8"):  # expect: UNB120
            if not line.strip():
                break
            last = line.rstrip("\n")
            rows.append(last.split(",")[:wanted])

    await run_in_threadpool(_blocking_io_1)

    def _blocking_io_2():
        for index, record in enumerate(
            csv.reader((DATA / "extra.csv").open())
        ):  # expect: UNB120
            rows.append([str(index), *record])

    await run_in_threadpool(_blocking_io_2)
    header = (
        await run_in_threadpool(
            lambda: [cell.strip() for cell in open(DATA / "header.txt")]
        )
    )[:wanted]  # expect: UNB120
    return {"header": header, "rows": rows, "last": last}
