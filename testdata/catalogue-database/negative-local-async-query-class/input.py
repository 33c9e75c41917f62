from fastapi import FastAPI

app = FastAPI()


class Session:
    """An in-memory store that happens to share names with an ORM session."""

    def __init__(self) -> None:
        self.rows: dict[int, str] = {}

    async def query(self, key: int) -> str | None:
        return self.rows.get(key)

    def execute(self, key: int) -> str:
        return self.rows.setdefault(key, "new")


store = Session()


@app.get("/items/{key}")
async def item(key: int):
    cached = await store.query(key)
    created = store.execute(key)
    return {"cached": cached, "value": created}
