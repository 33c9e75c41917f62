import sqlite3

from fastapi import FastAPI

app = FastAPI()


@app.get("/cities")
async def cities(prefix: str):  # expect-fix: convert-to-def
    conn = sqlite3.connect("geo.db")  # expect: UNB140
    cursor = conn.execute("select name from cities where name like ?", (prefix + "%",))  # expect: UNB140
    names = [row[0] for row in cursor.fetchall()]  # expect: UNB140
    conn.close()  # expect: UNB140
    return names
