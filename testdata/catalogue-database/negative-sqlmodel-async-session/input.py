from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel import Field, SQLModel, select
from sqlmodel.ext.asyncio.session import AsyncSession


class Team(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str


engine = create_async_engine("sqlite+aiosqlite:///teams.db")
app = FastAPI()


async def get_session():
    async with AsyncSession(engine) as session:
        yield session


@app.get("/teams")
async def teams(session: AsyncSession = Depends(get_session)):
    found = await session.exec(select(Team))
    rows = found.all()
    session.add(Team(name="audit"))
    await session.commit()
    return rows
