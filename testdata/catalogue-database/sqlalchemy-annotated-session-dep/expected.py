from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy import create_engine, func, select, table
from sqlalchemy.orm import Session

app = FastAPI()
engine = create_engine("sqlite:///shop.db")


def get_session():
    with Session(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


@app.get("/orders/count")
def order_count(session: SessionDep):  # expect-fix: convert-to-def
    total = session.scalar(select(func.count()).select_from(table("orders")))  # expect: UNB140
    return {"orders": total}
