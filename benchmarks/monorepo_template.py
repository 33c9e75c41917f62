"""A deterministic FastAPI monorepo for ``benchmarks/speed.py``.

Installed packages are real code, but almost none of it is FastAPI
application code, so they exercise discovery and the cheap pre-filters far
more than the analysis. This generator adds what the tool is for: many
services, each its own project (``pyproject.toml``), with routers, services,
SQLAlchemy models, pydantic schemas and tests. Most handlers are clean
(``async def`` that only awaits, or ``def`` that uses a sync ``Session`` in
the threadpool); a known few block the event loop with ``requests``,
``time.sleep``, a sync SQLAlchemy ``Session`` or ``open()``, so the benchmark
can check that the tool still finds exactly those at scale.

Same arguments, same bytes: no clock, no hash seed, only ``random.Random``
seeded with a string (stable across processes and Python versions).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

#: Bump when the generated code changes, so a cached tree is rebuilt.
TEMPLATE_VERSION = 1

DOMAINS = """
    billing catalog orders users search inventory shipping reviews notifications payments accounts
    analytics auth carts coupons documents emails events exports feeds files geo imports invoices
    ledger media messages metrics pricing profiles quotas ratings recommendations reports
    scheduling sessions subscriptions tags tickets webhooks
""".split()  # noqa: SIM905 (a list literal would take a line per name)
ENTITIES = ("record", "item", "entry", "event", "batch", "note")
BLOCKING_KINDS = ("requests", "sleep", "session", "open")
COLUMN_TYPES = (
    ("Integer", "int", "0"),
    ("String(120)", "str", '""'),
    ("Boolean", "bool", "False"),
    ("Float", "float", "0.0"),
)


@dataclass(frozen=True)
class KnownBlocking:
    """A handler the generator made blocking: the tool must report it."""

    path: str  # relative to the tree root, with "/"
    function: str
    kind: str


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def _pyproject(name: str) -> str:
    return f'''[project]
name = "{name}"
version = "1.0.0"
requires-python = ">=3.10"
dependencies = ["fastapi", "sqlalchemy>=2", "httpx", "requests", "pydantic>=2"]

[tool.pytest.ini_options]
testpaths = ["tests"]
'''


def _config(domain: str) -> str:
    return f'''"""Settings of the {domain} service."""

import os
from pathlib import Path

from pydantic import BaseModel

UPSTREAM = os.environ.get("{domain.upper()}_UPSTREAM", "http://127.0.0.1:9")
EXPORT_DIR = Path(os.environ.get("{domain.upper()}_EXPORTS", "/tmp/{domain}-exports"))
DATABASE_URL = os.environ.get("{domain.upper()}_DATABASE_URL", "sqlite:///./{domain}.db")


class Settings(BaseModel):
    service_name: str = "{domain}"
    page_size: int = 50
    max_page_size: int = 500
    retry_delay: float = 0.5
    upstream: str = UPSTREAM


settings = Settings()
'''


_DB = '''"""Database session factory (sync SQLAlchemy)."""

from collections.abc import Iterator

from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from .config import DATABASE_URL

engine = create_engine(DATABASE_URL)
SessionLocal = sessionmaker(bind=engine)


class Base(DeclarativeBase):
    pass


def get_db() -> Iterator[Session]:
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()
'''


def _columns(rng: random.Random, entity: str) -> list[tuple[str, str, str, str]]:
    count = rng.randint(6, 12)
    return [(f"{entity}_field_{i}", *rng.choice(COLUMN_TYPES)) for i in range(count)]


def _models(domain: str, columns: dict[str, list[tuple[str, str, str, str]]]) -> str:
    out = [
        f'"""SQLAlchemy models of the {domain} service."""\n',
        "from sqlalchemy import Boolean, Float, Integer, String",
        "from sqlalchemy.orm import Mapped, mapped_column\n",
        "from .db import Base\n",
    ]
    for entity, cols in columns.items():
        out += [
            f"\nclass {_camel(domain)}{_camel(entity)}(Base):",
            f'    __tablename__ = "{domain}_{entity}"',
            "    id: Mapped[int] = mapped_column(primary_key=True)",
        ]
        out += [f"    {name}: Mapped[{py}] = mapped_column({sa})" for name, sa, py, _ in cols]
        out.append("")
    return "\n".join(out)


def _schemas(domain: str, columns: dict[str, list[tuple[str, str, str, str]]]) -> str:
    out = [
        f'"""Request and response bodies of the {domain} service."""\n',
        "from pydantic import BaseModel, Field\n",
    ]
    for entity, cols in columns.items():
        cls = f"{_camel(domain)}{_camel(entity)}"
        out.append(f"\nclass {cls}Create(BaseModel):")
        out += [f"    {name}: {py} = {default}" for name, _, py, default in cols]
        out += [
            "",
            f"\nclass {cls}Read({cls}Create):",
            "    id: int",
            "",
            f"\nclass {cls}Update(BaseModel):",
        ]
        out += [f"    {name}: {py} | None = None" for name, _, py, _ in cols]
        out += [
            "",
            f"\nclass {cls}Page(BaseModel):",
            f"    items: list[{cls}Read] = Field(default_factory=list)",
            "    total: int = 0",
            "    offset: int = 0",
            "",
        ]
    return "\n".join(out)


_SERVICES = '''"""Business logic shared by the routers: pure computation and awaited I/O only."""

import asyncio

import httpx

from ..config import settings


def clamp_page(limit: int, offset: int) -> tuple[int, int]:
    limit = max(1, min(limit, settings.max_page_size))
    return limit, max(0, offset)


def score(values: list[float]) -> float:
    if not values:
        return 0.0
    mean = sum(values) / len(values)
    spread = sum((v - mean) ** 2 for v in values) / len(values)
    return round(mean - spread ** 0.5, 4)


def slugify(text: str) -> str:
    cleaned = "".join(c if c.isalnum() else "-" for c in text.lower())
    return "-".join(part for part in cleaned.split("-") if part)


async def fetch_remote(path: str) -> dict[str, object]:
    async with httpx.AsyncClient(base_url=settings.upstream, timeout=5) as client:
        response = await client.get(path)
    return {"status": response.status_code, "path": path}


async def settle(delay: float = 0.0) -> None:
    await asyncio.sleep(delay)


async def gather_remote(paths: list[str]) -> list[dict[str, object]]:
    return list(await asyncio.gather(*(fetch_remote(p) for p in paths)))
'''


def _clean_handlers(entity: str, model: str, count: int) -> list[str]:
    """Handlers that must not be reported: async ones only await, sync ones may block."""
    variants = [
        """@router.get("/")
async def list_{e}s(limit: int = 50, offset: int = 0) -> {m}Page:
    limit, offset = clamp_page(limit, offset)
    await settle()
    return {m}Page(items=[], total=0, offset=offset)
""",
        """@router.get("/{{item_id}}")
def read_{e}(item_id: int, db: Session = Depends(get_db)) -> dict[str, object]:
    row = db.get({m}, item_id)
    if row is None:
        raise HTTPException(status_code=404, detail="{e} not found")
    return {{"id": row.id}}
""",
        """@router.post("/", status_code=201)
def create_{e}(body: {m}Create, db: Session = Depends(get_db)) -> dict[str, object]:
    row = {m}(**body.model_dump())
    db.add(row)
    db.commit()
    return {{"id": row.id}}
""",
        """@router.get("/{{item_id}}/remote")
async def remote_{e}(item_id: int) -> dict[str, object]:
    return await fetch_remote(f"/{e}/{{item_id}}")
""",
        """@router.get("/{{item_id}}/score")
async def score_{e}(item_id: int, weights: str = "1,2,3") -> dict[str, object]:
    values = [float(w) * item_id for w in weights.split(",") if w]
    return {{"id": item_id, "score": score(values)}}
""",
        """@router.get("/{{item_id}}/slug")
async def slug_{e}(item_id: int, title: str = "") -> dict[str, str]:
    return {{"slug": slugify(f"{e} {{item_id}} {{title}}")}}
""",
        """@router.post("/bulk")
async def bulk_{e}(ids: list[int]) -> dict[str, object]:
    found = await gather_remote([f"/{e}/{{i}}" for i in ids[:20]])
    return {{"requested": len(ids), "found": len(found)}}
""",
        """@router.delete("/{{item_id}}", status_code=204)
def delete_{e}(item_id: int, db: Session = Depends(get_db)) -> None:
    row = db.get({m}, item_id)
    if row is not None:
        db.delete(row)
        db.commit()
""",
    ]
    handlers = []
    for i in range(count):
        repeat = i // len(variants)  # later rounds get their own names and paths
        source = variants[i % len(variants)].format(e=f"{entity}{repeat or ''}", m=model)
        handlers.append(source.replace('("/', f'("/v{repeat}/', 1) if repeat else source)
    return handlers


def _blocking_handler(kind: str, entity: str, model: str) -> tuple[str, str]:
    """(function name, source) of a handler that blocks the event loop with ``kind``."""
    if kind == "requests":
        name = f"enrich_{entity}"
        body = f"""@router.get("/{{item_id}}/enrich")
async def {name}(item_id: int) -> dict[str, object]:
    response = requests.get(f"{{UPSTREAM}}/{entity}/{{item_id}}", timeout=5)
    return {{"id": item_id, "upstream": response.status_code}}
"""
    elif kind == "sleep":
        name = f"retry_{entity}"
        body = f"""@router.post("/{{item_id}}/retry")
async def {name}(item_id: int) -> dict[str, object]:
    time.sleep(settings.retry_delay)
    return {{"id": item_id, "retried": True}}
"""
    elif kind == "session":
        name = f"audit_{entity}"
        body = f"""@router.get("/{{item_id}}/audit")
async def {name}(item_id: int, db: Session = Depends(get_db)) -> dict[str, object]:
    row = db.get({model}, item_id)
    return {{"id": item_id, "exists": row is not None}}
"""
    else:
        name = f"export_{entity}"
        body = f'''@router.get("/{{item_id}}/export")
async def {name}(item_id: int) -> dict[str, object]:
    with open(EXPORT_DIR / f"{entity}-{{item_id}}.txt", "w", encoding="utf-8") as handle:
        handle.write(str(item_id))
    return {{"id": item_id, "exported": True}}
'''
    return name, body


def _router(domain: str, entity: str, handlers: list[str]) -> str:
    cls = f"{_camel(domain)}{_camel(entity)}"
    head = f'''"""Routes of {domain}/{entity}."""

import time

import requests
from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy.orm import Session

from ..config import EXPORT_DIR, UPSTREAM, settings
from ..db import get_db
from ..models import {cls}
from ..schemas import {cls}Create, {cls}Page
from ..services.core import clamp_page, fetch_remote, gather_remote, score, settle, slugify

router = APIRouter(prefix="/{entity}s", tags=["{entity}"])


'''
    return head + "\n\n".join(handlers)


def _main(domain: str, entities: list[str]) -> str:
    imports = "\n".join(f"from .routers import {e}" for e in entities)
    includes = "\n".join(f"app.include_router({e}.router)" for e in entities)
    return f'''"""The {domain} service."""

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request

from .services.core import settle
{imports}


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    await settle()
    yield


app = FastAPI(title="{domain}", lifespan=lifespan)
{includes}


@app.middleware("http")
async def timing(request: Request, call_next):
    started = time.perf_counter()
    response = await call_next(request)
    response.headers["X-Elapsed"] = f"{{time.perf_counter() - started:.4f}}"
    return response


@app.get("/health")
async def health() -> dict[str, str]:
    return {{"status": "ok", "service": "{domain}"}}
'''


def _tests(domain: str, entities: list[str]) -> str:
    out = [
        f'"""Tests of the {domain} service."""\n',
        "from fastapi.testclient import TestClient\n",
        "from app.main import app\n",
        "client = TestClient(app)\n",
    ]
    for entity in entities:
        out.append(f'''
def test_list_{entity}s() -> None:
    response = client.get("/{entity}s/")
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_slug_{entity}() -> None:
    response = client.get("/{entity}s/7/slug", params={{"title": "Hello World"}})
    assert response.json() == {{"slug": "{entity}-7-hello-world"}}
''')
    return "\n".join(out)


def generate(root: Path, services: int = 40) -> list[KnownBlocking]:
    """Write ``services`` services under ``root``; return the handlers that block."""
    known: list[KnownBlocking] = []
    for index in range(services):
        domain = DOMAINS[index % len(DOMAINS)] + (
            f"{index // len(DOMAINS)}" if index >= len(DOMAINS) else ""
        )
        rng = random.Random(f"service-{index}")
        entities = list(ENTITIES[: rng.randint(4, len(ENTITIES))])
        columns = {e: _columns(rng, e) for e in entities}
        folder = root / f"svc{index:02d}_{domain}"
        files = {
            "pyproject.toml": _pyproject(f"{domain}-service"),
            "app/__init__.py": f'"""The {domain} service."""\n',
            "app/config.py": _config(domain),
            "app/db.py": _DB,
            "app/models.py": _models(domain, columns),
            "app/schemas.py": _schemas(domain, columns),
            "app/services/__init__.py": "",
            "app/services/core.py": _SERVICES,
            "app/routers/__init__.py": "",
            "app/main.py": _main(domain, entities),
            "tests/test_api.py": _tests(domain, entities),
        }
        blocking = [BLOCKING_KINDS[(index + k) % len(BLOCKING_KINDS)] for k in range(2 + index % 3)]
        for position, entity in enumerate(entities):
            model = f"{_camel(domain)}{_camel(entity)}"
            handlers = _clean_handlers(entity, model, rng.randint(8, 24))
            relative = f"app/routers/{entity}.py"
            for kind in blocking[position :: len(entities)]:
                name, source = _blocking_handler(kind, entity, model)
                handlers.insert(rng.randint(0, len(handlers)), source)
                known.append(KnownBlocking(f"{root.name}/{folder.name}/{relative}", name, kind))
            files[relative] = _router(domain, entity, handlers)
        for relative, text in files.items():
            path = folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return known
