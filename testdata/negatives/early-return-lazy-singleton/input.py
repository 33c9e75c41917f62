import json
import logging
import threading
from pathlib import Path
from typing import Optional

from fastapi import FastAPI

app = FastAPI()
_catalog: Optional[dict] = None
_journal: Optional[logging.Logger] = None


def load_catalog() -> dict:
    global _catalog
    if _catalog is not None:
        return _catalog
    with open(Path(__file__).with_name("catalog.json"), encoding="utf-8") as handle:
        _catalog = json.load(handle)
    return _catalog


def journal() -> logging.Logger:
    global _journal
    if _journal:
        return _journal
    _journal = logging.getLogger("journal")
    _journal.addHandler(logging.FileHandler("journal.log"))
    return _journal


class Pricing:
    def __init__(self) -> None:
        self._table: Optional[dict] = None

    def table(self) -> dict:
        if self._table is not None:
            return self._table
        self._table = json.loads(Path("prices.json").read_text())
        return self._table


pricing = Pricing()
SCHEMA_VERSION = 3


class Schemas:
    """Kept until the module's constant changes (a redeploy): once per process, not per call."""

    def __init__(self) -> None:
        self._schema: Optional[dict] = None
        self._version: Optional[int] = None

    def current(self) -> dict:
        if self._schema is not None and self._version == SCHEMA_VERSION:
            return self._schema
        self._schema = json.loads(Path("schema.json").read_text())
        self._version = SCHEMA_VERSION
        return self._schema


schemas = Schemas()
_registry: Optional[dict] = None
_registry_lock = threading.Lock()


def registry() -> dict:
    """The fast path reads the singleton under a lock; the slow path builds it once."""
    global _registry
    with _registry_lock:
        if _registry is not None:
            return _registry
    built = json.loads(Path("registry.json").read_text())
    with _registry_lock:
        if _registry is None:
            _registry = built
        return _registry


@app.get("/items/{sku}")
async def item(sku: str):
    journal().info("lookup %s", sku)
    return {"item": load_catalog().get(sku), "price": pricing.table().get(sku), "schema": schemas.current(),
            "owner": registry().get(sku)}
