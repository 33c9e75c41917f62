import psycopg
from fastapi import FastAPI

app = FastAPI()


@app.post("/tags/{name}")
def add_tag(name: str):  # expect-fix: convert-to-def
    with psycopg.connect("dbname=blog") as conn:  # expect: UNB140
        row = conn.execute("insert into tags(name) values (%s) returning id", (name,)).fetchone()  # expect: UNB140
        conn.commit()  # expect: UNB140
    return {"id": row[0]}
