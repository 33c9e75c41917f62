from fastapi import Depends, FastAPI
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

app = FastAPI()
engine = create_async_engine("postgresql+asyncpg://app@db/app")
SessionLocal = async_sessionmaker(engine, expire_on_commit=False)


async def get_session():
    async with SessionLocal() as session:
        yield session


@app.post("/visits")
async def record_visit(path: str, session: AsyncSession = Depends(get_session)):
    result = await session.execute(select(text("1")))
    session.add_all([])
    await session.execute(text("insert into visits(path) values (:p)"), {"p": path})
    await session.commit()
    return {"ok": result.scalar_one()}
