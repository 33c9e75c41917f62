import sqlite3

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.post("/notes")
async def add_note(request: Request):  # expect-fix: wrap-in-threadpool
    def _blocking_io_1():
        conn = sqlite3.connect("notes.db")  # expect: UNB140
        conn.execute("create table if not exists notes (body text)")  # expect: UNB140
        return conn

    conn = await run_in_threadpool(_blocking_io_1)
    body = (await request.body()).decode("utf-8")

    def _blocking_io_2():
        cursor = conn.execute("insert into notes values (?)", (body,))  # expect: UNB140
        conn.commit()  # expect: UNB140
        conn.close()  # expect: UNB140
        return cursor

    cursor = await run_in_threadpool(_blocking_io_2)
    return {"id": cursor.lastrowid}
