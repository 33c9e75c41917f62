import sqlite3

from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/cities")
async def cities(request: Request):  # expect-fix: wrap-in-threadpool
    prefix = (await request.json())["prefix"]
    # The connection is made, used and closed in one worker thread.
    conn = sqlite3.connect("geo.db")  # expect: UNB140
    cursor = conn.execute("select name from cities where name like ?", (prefix + "%",))  # expect: UNB140
    names = [row[0] for row in cursor.fetchall()]  # expect: UNB140
    conn.close()  # expect: UNB140
    return {"prefix": prefix, "names": names}


@app.post("/cities/count")
async def count_cities(request: Request):  # expect-fix: wrap-in-threadpool
    prefix = (await request.json())["prefix"]
    with sqlite3.connect("geo.db") as conn:  # expect: UNB140
        total = conn.execute("select count(*) from cities where name like ?", (prefix + "%",)).fetchone()[0]  # expect: UNB140
    return {"prefix": prefix, "count": total}
