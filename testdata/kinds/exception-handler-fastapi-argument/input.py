import time
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse

PAGES = Path("pages")


async def not_found(request: Request, exc: HTTPException):  # expect-fix: convert-to-def
    page = (PAGES / "404.html").read_text(encoding="utf-8")  # expect: UNB120
    return HTMLResponse(page, status_code=404)


async def bad_value(request: Request, exc: ValueError):  # expect-fix: convert-to-def
    time.sleep(0.2)  # expect: UNB100
    return JSONResponse({"detail": str(exc)}, status_code=400)


app = FastAPI(exception_handlers={404: not_found, ValueError: bad_value})
