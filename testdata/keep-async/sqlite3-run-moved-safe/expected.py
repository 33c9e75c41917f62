import sqlite3

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.post("/cities")
async def cities(request: Request):  # expect-fix: wrap-in-threadpool
    prefix = (await request.json())["prefix"]

    # The connection is made, used and closed in one worker thread.
    def _blocking_io_1():
        conn = sqlite3.connect("geo.db")  # expect: UNB140
        cursor = conn.execute(
            "select name from cities where name like ?", (prefix + "%",)
        )  # expect: UNB140
        names = [row[0] for row in cursor.fetchall()]  # expect: UNB140
        conn.close()  # expect: UNB140
        return names

    names = await run_in_threadpool(_blocking_io_1)
    return {"prefix": prefix, "names": names}


@app.post("/cities/count")
async def count_cities(request: Request):  # expect-fix: wrap-in-threadpool
    prefix = (await request.json())["prefix"]

    def _blocking_io_1():
        with sqlite3.connect("geo.db") as conn:  # expect: UNB140
            total = conn.execute(
                "select count(*) from cities where name like ?", (prefix + "%",)
            ).fetchone()[0]  # expect: UNB140
        return total

    total = await run_in_threadpool(_blocking_io_1)
    return {"prefix": prefix, "count": total}
