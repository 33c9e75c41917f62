from fastapi import FastAPI
from sqlalchemy import create_engine, text
from sqlalchemy.orm import scoped_session, sessionmaker

app = FastAPI()
engine = create_engine("sqlite:///jobs.db")
db_session = scoped_session(sessionmaker(bind=engine))


@app.get("/jobs/pending")
def pending_jobs():  # expect-fix: convert-to-def
    rows = db_session.execute(text("select id from jobs where done = 0")).all()  # expect: UNB140
    db_session.remove()  # expect: UNB140
    return [row.id for row in rows]
