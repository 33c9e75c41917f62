"""A route added with ``add_api_route`` runs what its decorator returns: here an ``async``
wrapper that awaits the function. Made a ``def``, the function would hand the wrapper a
response object to await, so it stays async and the read goes to the threadpool."""

import functools
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import Response


def cached_for_a_year(func):
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        response = await func(*args, **kwargs)
        response.headers["Cache-Control"] = "max-age=31536000, immutable"
        return response

    return wrapper


@cached_for_a_year
async def serve_logo() -> Response:  # expect-fix: wrap-in-threadpool
    return Response(Path("static/logo.svg").read_bytes(), media_type="image/svg+xml")  # expect: UNB120


app = FastAPI()
app.add_api_route("/logo.svg", serve_logo)
