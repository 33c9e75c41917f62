from app.database import ReflectedDatabase as SQLDatabase
from app.database import SampleDatabase


class ConnectionService:
    async def check(self, dsn: str) -> list[str]:  # expect-fix: wrap-in-threadpool
        database = SQLDatabase.from_uri(dsn)  # expect: UNB140
        return database.schemas

    async def sample(self) -> str:
        return SampleDatabase.describe(["main"])
