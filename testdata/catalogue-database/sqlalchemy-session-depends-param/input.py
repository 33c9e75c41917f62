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


@app.get("/users/{uid}")
async def read_user(uid: int, db: Session = Depends(get_db)):  # expect-fix: convert-to-def
    user = db.get(User, uid)  # expect: UNB140
    if user is None:
        raise HTTPException(status_code=404)
    return {"id": user.id, "email": user.email}
