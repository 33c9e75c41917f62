from typing import Annotated

from fastapi import Depends, FastAPI
from sqlmodel import Field, Session, SQLModel, create_engine


class Hero(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str


engine = create_engine("sqlite:///heroes.db")


def get_session():
    with Session(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
app = FastAPI()


@app.post("/heroes")
async def create_hero(hero: Hero, session: SessionDep):  # expect-fix: convert-to-def
    session.add(hero)
    session.commit()  # expect: UNB140
    session.refresh(hero)  # expect: UNB140
    return hero
