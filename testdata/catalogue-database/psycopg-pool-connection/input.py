from fastapi import FastAPI
from psycopg_pool import ConnectionPool

app = FastAPI()
pool = ConnectionPool("dbname=shop", open=False)


@app.get("/products/{sku}")
async def product(sku: str):  # expect-fix: convert-to-def
    with pool.connection() as conn:  # expect: UNB140
        cur = conn.execute("select name, price from products where sku = %s", (sku,))  # expect: UNB140
        found = cur.fetchone()
    return {"name": found[0], "price": found[1]}
