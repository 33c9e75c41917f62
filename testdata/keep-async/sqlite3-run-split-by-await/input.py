import sqlite3

from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/notes")
async def add_note(request: Request):  # expect-fix: wrap-in-threadpool
    conn = sqlite3.connect("notes.db")  # expect: UNB140
    conn.execute("create table if not exists notes (body text)")  # expect: UNB140
    body = (await request.body()).decode("utf-8")
    cursor = conn.execute("insert into notes values (?)", (body,))  # expect: UNB140
    conn.commit()  # expect: UNB140
    conn.close()  # expect: UNB140
    return {"id": cursor.lastrowid}
