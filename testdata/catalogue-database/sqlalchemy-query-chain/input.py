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


@app.get("/users")
async def list_users(db: Session = Depends(get_db)):  # expect-fix: convert-to-def
    query = db.query(User).filter(User.active.is_(True))
    page = query.order_by(User.id).limit(20).all()  # expect: UNB140
    total = db.query(User).count()  # expect: UNB140
    first = db.query(User).filter_by(email="admin@example.org").first()  # expect: UNB140
    return {"page": [u.id for u in page], "total": total, "admin": first is not None}
