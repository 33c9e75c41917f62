from fastapi import FastAPI
from sqlalchemy import create_engine, text

app = FastAPI()
engine = create_engine("postgresql+psycopg2://app@db/app", pool_pre_ping=True)


@app.get("/db-health")
async def db_health():  # expect-fix: convert-to-def
    with engine.connect() as conn:  # expect: UNB140
        version = conn.execute(text("select version()")).scalar_one()  # expect: UNB140
    with engine.begin() as conn:  # expect: UNB140
        conn.execute(text("update heartbeat set seen = now()"))  # expect: UNB140
    return {"version": version}
