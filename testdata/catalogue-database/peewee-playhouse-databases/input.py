from fastapi import FastAPI
from playhouse.pool import PooledPostgresqlDatabase
from playhouse.sqliteq import SqliteQueueDatabase

pg = PooledPostgresqlDatabase("app", max_connections=8, stale_timeout=300, host="db")
events = SqliteQueueDatabase("events.db", autostart=True)

app = FastAPI()


@app.get("/report")
async def report():  # expect-fix: convert-to-def
    pg.connect(reuse_if_open=True)  # expect: UNB140
    with pg.atomic():  # expect: UNB140
        total = pg.execute_sql("SELECT count(*) FROM orders").fetchone()[0]  # expect: UNB140
    pg.close_idle()  # expect: UNB140
    events.execute_sql("INSERT INTO hits (path) VALUES (?)", ("/report",))  # expect: UNB140
    tables = events.get_tables()  # expect: UNB140
    return {"total": total, "tables": tables, "closed": pg.is_closed()}


@app.post("/shutdown")
async def shutdown():  # expect-fix: convert-to-def
    events.stop()  # expect: UNB200
    return {"stopped": events.is_stopped()}
