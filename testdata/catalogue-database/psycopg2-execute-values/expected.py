import psycopg2
from fastapi import FastAPI
from psycopg2.extras import execute_values

app = FastAPI()


@app.post("/metrics")
def store_metrics(points: list[float]):  # expect-fix: convert-to-def
    with psycopg2.connect("dbname=metrics") as conn:  # expect: UNB140
        with conn.cursor() as cur:
            execute_values(cur, "insert into points(value) values %s", [(p,) for p in points])  # expect: UNB140
        conn.commit()  # expect: UNB140
    return {"stored": len(points)}
