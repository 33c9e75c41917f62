from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)


engine = create_engine("sqlite:///app.db")
SessionLocal = sessionmaker(bind=engine)


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


app = FastAPI()


@app.put("/users/{uid}")
async def replace_user(uid: int, email: str):  # expect-fix: convert-to-def
    with SessionLocal.begin() as session:  # expect: UNB140
        merged = session.merge(User(id=uid, email=email))  # expect: UNB140
    return {"id": merged.id}
