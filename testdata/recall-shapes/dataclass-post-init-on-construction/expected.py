"""Making a dataclass runs its ``__post_init__``; a pydantic model's ``model_post_init``.

``Common(project=...)`` has no ``__init__`` in the source: the dataclass
decorator writes one, which calls ``__post_init__`` once the fields are set.
Here that reads a secret file, in the dependency that builds the object and in
a route that builds one itself.
"""

from dataclasses import dataclass
from typing import Any

from fastapi import Depends, FastAPI
from pydantic import BaseModel

app = FastAPI()


def read_secret(name: str) -> str:
    with open(f"/run/secrets/{name}") as stream:
        return stream.read()


@dataclass
class Common:
    project: str
    key: str = ""

    def __post_init__(self) -> None:
        self.key = read_secret(self.project)


class Settings(BaseModel):
    project: str
    token: str = ""

    def model_post_init(self, context: Any) -> None:
        self.token = read_secret(f"{self.project}-token")


@dataclass
class Page:
    number: int = 1
    size: int = 50

    def __post_init__(self) -> None:
        self.size = min(self.size, 500)


def common_parameters(project: str) -> Common:  # expect-fix: convert-to-def
    return Common(project=project)  # expect: UNB120


@app.get("/projects/{project}/key")
async def project_key(commons: Common = Depends(common_parameters)) -> dict:
    return {"has_key": bool(commons.key)}


@app.get("/projects/{project}/token")
def project_token(project: str) -> dict:  # expect-fix: convert-to-def
    return {"has_token": bool(Settings(project=project).token)}  # expect: UNB120


@app.get("/items")
async def items(number: int = 1) -> dict:
    page = Page(number)
    return {"page": page.number, "size": page.size}
