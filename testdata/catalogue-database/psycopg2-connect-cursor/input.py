import psycopg2
from fastapi import FastAPI

app = FastAPI()


@app.get("/accounts/{aid}")
async def account(aid: int):  # expect-fix: convert-to-def
    conn = psycopg2.connect("dbname=bank user=app")  # expect: UNB140
    with conn.cursor() as cur:
        cur.execute("select balance from accounts where id = %s", (aid,))  # expect: UNB140
        row = cur.fetchone()
    conn.close()  # expect: UNB140
    return {"balance": row[0] if row else None}
