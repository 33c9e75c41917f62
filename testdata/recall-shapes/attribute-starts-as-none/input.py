import os

import boto3
from fastapi import FastAPI

app = FastAPI()


class AuthService:
    def __init__(self, table: str) -> None:
        self.table = boto3.resource("dynamodb").Table(table)

    def user(self, token: str) -> dict:
        return self.table.get_item(Key={"token": token}).get("Item", {})


class Services:
    _storage = None

    def __init__(self) -> None:
        self.auth = None
        self._db = None

    def setup(self) -> None:
        if os.environ.get("AUTH_TABLE"):
            self.auth = AuthService(os.environ["AUTH_TABLE"])

    def storage(self):
        if self._storage is None:
            self._storage = boto3.client("s3")
        return self._storage


services = Services()


@app.get("/me")
async def me(token: str):  # expect-fix: convert-to-def
    if not services.auth:
        return {}
    return services.auth.user(token)  # expect: UNB160


@app.get("/files")
async def files():  # expect-fix: convert-to-def
    return services.storage().list_objects_v2(Bucket="files")  # expect: UNB160
