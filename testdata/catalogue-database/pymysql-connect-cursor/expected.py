import pymysql
from fastapi import FastAPI

app = FastAPI()


@app.post("/comments")
def add_comment(text: str):  # expect-fix: convert-to-def
    conn = pymysql.connect(host="db", user="app", database="site")  # expect: UNB140
    with conn.cursor() as cur:
        cur.execute("insert into comments(body) values (%s)", (text,))  # expect: UNB140
        new_id = cur.lastrowid
    conn.commit()  # expect: UNB140
    return {"id": new_id}
