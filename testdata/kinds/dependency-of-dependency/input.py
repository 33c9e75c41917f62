import tomllib

from fastapi import Depends, FastAPI

app = FastAPI()


class Repository:
    def __init__(self, dsn: str) -> None:
        self.dsn = dsn


async def database_config() -> dict:  # expect-fix: convert-to-def
    with open("database.toml", "rb") as handle:  # expect: UNB120
        return tomllib.load(handle)  # expect: UNB120


async def repository(config: dict = Depends(database_config)) -> Repository:
    return Repository(config["dsn"])


@app.get("/orders")
async def list_orders(repo: Repository = Depends(repository)):
    return {"source": repo.dsn, "orders": []}
