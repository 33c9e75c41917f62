from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from app.db import get_async_session, get_session
from app.models import Item, remember

app = FastAPI()

SessionDep = Annotated[Session, Depends(get_session)]
AsyncSessionDep = Annotated[AsyncSession, Depends(get_async_session)]


@app.post("/items")
async def create_item(name: str, db: SessionDep):  # expect-fix: convert-to-def
    return Item.create(db, {"name": name})  # expect: UNB140


@app.post("/async-items")
async def create_async_item(name: str, db: AsyncSessionDep):
    # The helper is annotated with a sync Session, but this call hands it an
    # AsyncSession: its commit() only makes a coroutine (a bug, not a blocked loop).
    item = Item.create(db, {"name": name})
    await db.commit()
    return item


@app.post("/remembered")
async def remembered(name: str, db: SessionDep):  # expect-fix: convert-to-def
    return remember(db, Item(name=name))  # expect: UNB140


@app.post("/async-remembered")
async def async_remembered(name: str, db: AsyncSessionDep):
    item = remember(db, Item(name=name))
    await db.commit()
    return item
