from collections.abc import Iterator

from fastapi import Depends, FastAPI
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

app = FastAPI()
SessionLocal = sessionmaker(bind=create_engine("sqlite:///notes.db"))


def get_db() -> Iterator[Session]:
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


@app.delete("/notes/{nid}")
async def delete_note(nid: int, db=Depends(get_db)):  # expect-fix: convert-to-def
    db.execute(text("delete from notes where id = :nid"), {"nid": nid})  # expect: UNB140
    db.commit()  # expect: UNB140
    return {"deleted": nid}
