from fastapi import Depends, FastAPI
from sqlmodel import Field, Session, SQLModel, create_engine, select


class Hero(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str


engine = create_engine("sqlite:///heroes.db")
app = FastAPI()


def get_session():
    with Session(engine) as session:
        yield session


@app.get("/heroes")
def list_heroes(session: Session = Depends(get_session)):  # expect-fix: convert-to-def
    heroes = session.exec(select(Hero).limit(50)).all()  # expect: UNB140
    return heroes
