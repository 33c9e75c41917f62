"""Calls the callee's signature cannot take raise ``TypeError`` before its body runs.

``service.get_connector(kind, user_id)`` where ``get_connector`` takes ``kind`` only,
and ``load_token(path, retries=3)`` where ``load_token`` has no ``retries``: neither
body runs, so the file they would read is not read on the loop. The calls that fit
(``Base.read(self, key)`` passes ``self`` by hand) run their bodies and block.
"""

from fastapi import FastAPI

app = FastAPI()


class Connector:
    def __init__(self, path: str) -> None:
        with open(path) as stream:
            self.token = stream.read()


class ConnectorService:
    def get_connector(self, kind: str) -> Connector:
        return Connector(f"/srv/tokens/{kind}")


def load_token(path: str) -> str:
    with open(path) as stream:
        return stream.read()


service = ConnectorService()


@app.get("/status/{kind}")
async def status(kind: str, user_id: str) -> dict:
    connector = service.get_connector(kind, user_id)
    return {"token": bool(connector.token)}


@app.get("/token")
async def token() -> dict:
    return {"token": load_token("/srv/token", retries=3)}


@app.get("/connect/{kind}")
async def connect(kind: str) -> dict:  # expect-fix: convert-to-def
    connector = service.get_connector(kind)  # expect: UNB120
    return {"token": bool(connector.token)}


class Base:
    def read(self, key: str) -> str:
        return load_token(key)


class Child(Base):
    def read(self, key: str) -> str:
        return Base.read(self, key)


@app.get("/read/{key}")
async def read(key: str) -> str:  # expect-fix: convert-to-def
    return Child().read(key)  # expect: UNB120
