import sqlite3

from fastapi import APIRouter, FastAPI

router = APIRouter()


def serve_page(slug: str):  # expect-fix: convert-to-def
    with sqlite3.connect("pages.db") as db:  # expect: UNB140
        row = db.execute("SELECT html FROM pages WHERE slug = ?", (slug,)).fetchone()  # expect: UNB140
    return row[0] if row else ""


async def serve_health():
    return {"ok": True}


def export_pages():  # expect-fix: convert-to-def
    with open("pages.json") as handle:  # expect: UNB120
        return handle.read()  # expect: UNB120


def cached(function):
    return function


async def not_a_route():
    with open("unused.txt") as handle:
        return handle.read()


def mount_pages(app: FastAPI) -> None:
    app.get("/p/{slug}", include_in_schema=False)(serve_page)
    app.get("/health")(serve_health)
    router.api_route("/export", methods=["GET"])(export_pages)
    cached(not_a_route)
