from fastapi import Depends, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class Event(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))


engine = create_engine("sqlite:///events.db")
SessionLocal = sessionmaker(bind=engine)


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


app = FastAPI()


@app.post("/events")
async def record(request: Request, db: Session = Depends(get_db)):  # expect-fix: wrap-in-threadpool
    event = Event(kind=(await request.json())["kind"])
    db.add(event)
    await run_in_threadpool(db.commit)  # expect: UNB140
    if await run_in_threadpool(db.get, Event, event.id) is None:  # expect: UNB140
        return {"saved": False}
    await run_in_threadpool(db.refresh, event)  # expect: UNB140
    return {"saved": True, "id": event.id}
