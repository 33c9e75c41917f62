"""A class used as the dependency: FastAPI calls the class, so only __init__ runs, in the threadpool."""

import json
import time
from typing import Annotated

from fastapi import Depends, FastAPI

app = FastAPI()


class Pagination:
    def __init__(self, page: int = 1, size: int = 20) -> None:
        with open("limits.json", encoding="utf-8") as handle:
            limits = json.load(handle)
        self.page = page
        self.size = min(size, limits["max_page_size"])

    async def __call__(self) -> "Pagination":
        time.sleep(0.1)
        return self


@app.get("/items")
async def list_items(pages: Pagination = Depends(Pagination)):
    return {"page": pages.page, "size": pages.size}


@app.get("/users")
async def list_users(pages: Annotated[Pagination, Depends()]):
    return {"page": pages.page, "size": pages.size}
