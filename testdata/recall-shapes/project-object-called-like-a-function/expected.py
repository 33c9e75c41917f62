"""A dependency hands over a project object that is called like a function: calling it
runs its class's ``__call__``. Here that loads another model whenever a request names
one, so the route blocks while the weights are read. The same object, taken from the
dependency by wrapping it in ``asynccontextmanager`` by hand, is what ``as`` binds."""

import contextlib
import pickle
from typing import Optional

from fastapi import Depends, FastAPI
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


class ModelShelf:
    def __init__(self, paths: dict) -> None:
        self._paths = paths
        self._loaded_name: Optional[str] = None
        self._loaded = None

    def __call__(self, name: str):
        if name == self._loaded_name and self._loaded is not None:
            return self._loaded
        with open(self._paths[name], "rb") as handle:
            self._loaded = pickle.load(handle)
        self._loaded_name = name
        return self._loaded


_shelf: Optional[ModelShelf] = None


def configure(paths: dict) -> None:
    global _shelf
    _shelf = ModelShelf(paths)


async def get_shelf():
    yield _shelf


@app.post("/predict/{name}")
def predict(
    name: str, values: list[float], shelf: ModelShelf = Depends(get_shelf)
):  # expect-fix: convert-to-def
    model = shelf(name)  # expect: UNB120
    return {"prediction": model.predict([values]).tolist()}


@app.get("/describe/{name}")
async def describe(name: str):  # expect-fix: wrap-in-threadpool
    async with contextlib.asynccontextmanager(get_shelf)() as shelf:
        model = await run_in_threadpool(shelf, name)  # expect: UNB120
    return {"kind": type(model).__name__}


SHELF_KINDS = {"default": ModelShelf}


@app.post("/shelves/{kind}")
async def new_shelf(kind: str, paths: dict):
    # A name that holds the class itself: calling it builds a shelf (``__init__``), not ``__call__``.
    shelf_class = SHELF_KINDS[kind]
    return {"made": shelf_class(paths) is not None}
