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


@app.post("/users")
def create_user(
    email: str, db: Session = Depends(get_db)
):  # expect-fix: convert-to-def
    user = User(email=email)
    db.add(user)
    db.add_all([User(email=f"shadow+{email}")])
    db.flush()  # expect: UNB140
    stale = db.scalars(select(User).where(User.active.is_(False))).all()  # expect: UNB140
    for old in stale:
        db.delete(old)  # expect: UNB140
    db.commit()  # expect: UNB140
    db.refresh(user)  # expect: UNB140
    return {"id": user.id}
